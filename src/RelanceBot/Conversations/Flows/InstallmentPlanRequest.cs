namespace RelanceBot.Conversations.Flows;

/// <summary>A plan the patient accepted in the conversation; staff approve it before it replaces the reminders.</summary>
/// <param name="PatientWords">What the patient wrote, verbatim: an acknowledgement of the debt (it interrupts the limitation period).</param>
public sealed record InstallmentPlanRequest(
    Guid PracticeId,
    Guid PatientId,
    IReadOnlyList<Guid> InvoiceIds,
    IReadOnlyList<Installment> Schedule,
    string PatientWords,
    DateTimeOffset AgreedAt);
