using RelanceBot.Invoices;

namespace RelanceBot.Reminders;

/// <summary>What the planner needs to know about one invoice, its step runs and its patient's recent contacts.</summary>
/// <param name="ImportedAt">When the invoice reached RelanceBot: a notice before the due date only makes sense if it came early.</param>
/// <param name="Runs">Outcome of every step already claimed for the invoice, and when it was recorded, by step name.</param>
/// <param name="PatientContacts">When the patient's recent unsolicited contacts were sent, for all their invoices.</param>
public sealed record InvoiceCadenceState(
    InvoiceStatus Status,
    DateTimeOffset? RemindersPausedUntil,
    DateOnly DueDate,
    DateTimeOffset ImportedAt,
    long OutstandingCents,
    IReadOnlyDictionary<string, StepRunState> Runs,
    IReadOnlyList<DateTimeOffset> PatientContacts);
