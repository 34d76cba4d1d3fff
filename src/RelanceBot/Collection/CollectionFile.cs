using RelanceBot.Conversations.Messages;
using RelanceBot.Patients;
using RelanceBot.Reminders;

namespace RelanceBot.Collection;

/// <summary>
/// What a collection service receives for one patient: who is owed (the practice), who owes (the patient), the invoices
/// handed over, every reminder as the delivery record has it, and what the patient asked or agreed. Never the nature of
/// the care: no invoice description, no words the patient wrote.
/// </summary>
public sealed record CollectionFile(
    CollectionCreditor Creditor,
    CollectionDebtor Debtor,
    IReadOnlyList<CollectionInvoice> Invoices,
    IReadOnlyList<CollectionReminder> Reminders,
    IReadOnlyList<CollectionPatientEvent> PatientEvents,
    TimeZoneInfo TimeZone,
    DateTimeOffset ProducedAt)
{
    public long OutstandingCents => Invoices.Sum(invoice => invoice.OutstandingCents);

    /// <summary>An instant as the practice's wall clock shows it.</summary>
    public DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;
}

/// <param name="Language">The practice's staff language, which the PDF is written in.</param>
public sealed record CollectionCreditor(string PracticeName, string PractitionerName, string? Phone, BotLanguage Language);

public sealed record CollectionDebtor(
    string Reference, string FirstName, string LastName, DateOnly DateOfBirth, string? Email, string? Phone);

public sealed record CollectionInvoice(
    string Reference, DateOnly IssueDate, DateOnly DueDate, long AmountDueCents, long AmountPaidCents, DateTimeOffset HandedOverAt)
{
    public long OutstandingCents => AmountDueCents - AmountPaidCents;
}

/// <summary>One reminder step that had a message: delivered (when, on which channel), never delivered (why), or still pending.</summary>
/// <param name="IsFormalNotice">The mise en demeure (the cadence's approval step).</param>
/// <param name="LastDayToPay">A delivered mise en demeure's payment deadline (<see cref="FormalNoticeDeadline"/>).</param>
public sealed record CollectionReminder(
    string InvoiceReference,
    string StepName,
    bool IsFormalNotice,
    DateTimeOffset QueuedAt,
    DateTimeOffset? DeliveredAt,
    ChannelKind? Channel,
    StepOutcome Outcome,
    string? DeliveryError,
    DateOnly? LastDayToPay = null)
{
    public bool WasDelivered => Outcome == StepOutcome.Sent;

    public bool NeverLeft => Outcome is StepOutcome.Undelivered;
}

/// <summary>
/// Something the patient asked or agreed: a plan (its installments and amount), a promised date, a claim, a request to
/// talk or to stop; <paramref name="Status"/> is what became of it (the plan's status, or whether staff handled it).
/// Never the patient's own words: they may mention the care.
/// </summary>
public sealed record CollectionPatientEvent(
    string? InvoiceReference,
    DateTimeOffset At,
    CollectionEventKind Kind,
    string Status,
    DateOnly? PromisedOn = null,
    int? Installments = null,
    long? AmountCents = null);

public enum CollectionEventKind
{
    PlanRequested,
    PaymentPromised,
    Disputed,
    AlreadyPaidClaim,
    CallBackRequested,
    Hardship,
    StopRequested,
}
