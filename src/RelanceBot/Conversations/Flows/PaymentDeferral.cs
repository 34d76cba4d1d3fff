namespace RelanceBot.Conversations.Flows;

/// <summary>A payment date the patient promised and the bot agreed to.</summary>
/// <param name="PatientWords">What the patient wrote, verbatim: an acknowledgement of the debt.</param>
public sealed record PaymentDeferral(
    Guid PracticeId,
    Guid PatientId,
    IReadOnlyList<Guid> InvoiceIds,
    DateOnly PromisedDate,
    string PatientWords,
    DateTimeOffset AgreedAt);
