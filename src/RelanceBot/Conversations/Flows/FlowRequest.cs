namespace RelanceBot.Conversations.Flows;

/// <summary>How a flow was asked for: the patient's own words and what the recogniser found in them.</summary>
/// <param name="Words">The message that started the flow, verbatim, for staff and for the agreement on record.</param>
/// <param name="ResumeFlow">For the identity check: the flow to run once the patient is verified.</param>
public sealed record FlowRequest(
    string Words,
    int? InstallmentCount = null,
    DateOnly? PromisedDate = null,
    string? ResumeFlow = null);
