namespace RelanceBot.Conversations.Flows;

/// <summary>How a flow was asked for: the patient's own words and what the recogniser found in them.</summary>
/// <param name="Words">The message that started the flow, verbatim, for staff and for the agreement on record.</param>
/// <param name="PaymentMethod">A means of payment named in the message (an already-paid claim needs no other "how").</param>
/// <param name="ResumeFlow">The flow to run next: once the patient is verified (identity check) or the guess confirmed.</param>
/// <param name="Language">The language the request was written in (<c>fr</c> | <c>en</c>): the flow answers in it.</param>
/// <param name="Unconfirmed">The recogniser was not confident: a flow that changes data asks the patient first.</param>
/// <param name="OptOut">A stop said beside the request: this channel is opted out when the flow starts.</param>
/// <param name="HardshipMentioned">Money trouble told beside the request: staff are told when the flow starts.</param>
public sealed record FlowRequest(
    string Words,
    int? InstallmentCount = null,
    DateOnly? PromisedDate = null,
    string? PaymentMethod = null,
    string? ResumeFlow = null,
    string? Language = null,
    bool Unconfirmed = false,
    bool OptOut = false,
    bool HardshipMentioned = false);
