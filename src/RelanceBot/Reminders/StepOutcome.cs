namespace RelanceBot.Reminders;

/// <summary>What became of a cadence step for one invoice. Stored by name.</summary>
public enum StepOutcome
{
    /// <summary>The message is in the outbox; whether it reaches the patient is not known yet.</summary>
    Queued,

    /// <summary>The message was delivered (on <see cref="ReminderStepRun.Channel"/>, a fallback included).</summary>
    Sent,

    /// <summary>The message never left: every channel failed, or a send guard stopped it (invoice paid meanwhile…).</summary>
    Undelivered,

    /// <summary>A later step was already due (catch-up after downtime, or the invoice arrived late): not sent.</summary>
    Skipped,

    /// <summary>A legal step or hand-off for an amount below the practice minimum: never proposed.</summary>
    BelowMinimum,

    /// <summary>The patient has no channel left that they did not opt out of; staff were told.</summary>
    NoUsableChannel,

    /// <summary>The practitioner was told (escalation, hand-off proposal).</summary>
    AlertRaised,

    /// <summary>Waiting for the practitioner to approve the message.</summary>
    AwaitingApproval,

    /// <summary>Approved: the message goes at the next allowed time.</summary>
    Approved,

    /// <summary>The practitioner refused: never sent.</summary>
    Rejected,
}
