using RelanceBot.Patients;

namespace RelanceBot.Reminders;

/// <summary>
/// The claim on one step of one invoice, unique by (invoice, step name): whichever sweep inserts it first runs the
/// step, so a double sweep or two instances never enqueue the same reminder twice. Rows with a message
/// (<see cref="QueuedAt"/>) are also the ledger of unsolicited contacts the quota counts. The outbox's outcome updates
/// the row (<see cref="ReminderDeliveryRecorder"/>): a step counts as sent once its message was delivered.
/// </summary>
public sealed class ReminderStepRun
{
    public const int MaxDeliveryErrorLength = 500;

    public Guid Id { get; private set; }

    public Guid InvoiceId { get; private set; }

    public Guid PatientId { get; private set; }

    public string StepName { get; private set; } = "";

    public StepOutcome Outcome { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>When the message was enqueued; null until then.</summary>
    public DateTimeOffset? QueuedAt { get; private set; }

    /// <summary>When the outbox delivered the message; null until then, and for ever when it never left.</summary>
    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>The channel chosen when queued, then the one that carried the message (a fallback's).</summary>
    public ChannelKind? Channel { get; private set; }

    /// <summary>Why the message never left (<see cref="StepOutcome.Undelivered"/>).</summary>
    public string? DeliveryError { get; private set; }

    /// <summary>The staff alert the step raised (escalation, approval request, hand-off).</summary>
    public Guid? AlertId { get; private set; }

    private ReminderStepRun()
    {
    }

    public static ReminderStepRun Record(
        Guid invoiceId, Guid patientId, string stepName, StepOutcome outcome, DateTimeOffset now, Guid? alertId = null) => new()
    {
        Id = Guid.CreateVersion7(now),
        InvoiceId = invoiceId,
        PatientId = patientId,
        StepName = stepName,
        Outcome = outcome,
        RecordedAt = now,
        AlertId = alertId,
    };

    public static ReminderStepRun Queued(Guid invoiceId, Guid patientId, string stepName, ChannelKind channel, DateTimeOffset now)
    {
        var run = Record(invoiceId, patientId, stepName, StepOutcome.Queued, now);
        run.MarkQueued(channel, now);
        return run;
    }

    /// <summary>Whether the step still has a message to send (approved, not yet sent).</summary>
    public bool IsPendingSend => Outcome == StepOutcome.Approved;

    public void MarkQueued(ChannelKind channel, DateTimeOffset now)
    {
        Outcome = StepOutcome.Queued;
        Channel = channel;
        QueuedAt = now;
        RecordedAt = now;
    }

    /// <summary>The outbox delivered the message, on <paramref name="channel"/>; only a queued step changes.</summary>
    public void MarkDelivered(ChannelKind channel, DateTimeOffset deliveredAt)
    {
        if (Outcome == StepOutcome.Queued)
        {
            Outcome = StepOutcome.Sent;
            Channel = channel;
            DeliveredAt = deliveredAt;
            RecordedAt = deliveredAt;
        }
    }

    /// <summary>The message never left (every channel failed, or a guard stopped it); only a queued step changes.</summary>
    public void MarkUndelivered(string reason, DateTimeOffset now)
    {
        if (Outcome == StepOutcome.Queued)
        {
            Outcome = StepOutcome.Undelivered;
            DeliveryError = reason.Length > MaxDeliveryErrorLength ? reason[..MaxDeliveryErrorLength] : reason;
            RecordedAt = now;
        }
    }

    /// <summary>Records the practitioner's decision on an approval request; only a waiting request changes.</summary>
    public bool Decide(bool approved, DateTimeOffset now)
    {
        if (Outcome != StepOutcome.AwaitingApproval)
        {
            return false;
        }

        Outcome = approved ? StepOutcome.Approved : StepOutcome.Rejected;
        RecordedAt = now;
        return true;
    }

    public void MarkNoUsableChannel(DateTimeOffset now)
    {
        Outcome = StepOutcome.NoUsableChannel;
        RecordedAt = now;
    }
}
