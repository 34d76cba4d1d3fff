namespace RelanceBot.Invoices;

/// <summary>
/// Why an invoice's reminders wait, stored as its name: a code a reader words in their own language, never a sentence
/// written in one.
/// </summary>
public enum ReminderPauseReason
{
    /// <summary>The patient asked to pay in installments; staff have not decided yet.</summary>
    PlanAwaitingApproval,

    /// <summary>The patient chose a later payment date.</summary>
    PaymentDeferred,

    /// <summary>The patient says they paid; staff check.</summary>
    PaymentClaimed,

    /// <summary>The patient asked to be called back.</summary>
    CallBackRequested,

    /// <summary>The patient told of financial hardship.</summary>
    Hardship,

    /// <summary>A staff member paused them (from a Teams card).</summary>
    Staff,
}
