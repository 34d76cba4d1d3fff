using RelanceBot.Patients;

namespace RelanceBot.Reminders;

/// <summary>
/// The claim on one step of one invoice, unique by (invoice, step name): whichever sweep inserts it first runs the
/// step, so a double sweep or two instances never enqueue the same reminder twice. Sent rows are also the ledger
/// of unsolicited contacts the quota counts.
/// </summary>
public sealed class ReminderStepRun
{
    public Guid Id { get; private set; }

    public Guid InvoiceId { get; private set; }

    public Guid PatientId { get; private set; }

    public string StepName { get; private set; } = "";

    public StepOutcome Outcome { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>When the message was enqueued; null until then.</summary>
    public DateTimeOffset? SentAt { get; private set; }

    public ChannelKind? Channel { get; private set; }

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

    public static ReminderStepRun Sent(Guid invoiceId, Guid patientId, string stepName, ChannelKind channel, DateTimeOffset now)
    {
        var run = Record(invoiceId, patientId, stepName, StepOutcome.Sent, now);
        run.MarkSent(channel, now);
        return run;
    }

    /// <summary>Whether the step still has a message to send (approved, not yet sent).</summary>
    public bool IsPendingSend => Outcome == StepOutcome.Approved;

    public void MarkSent(ChannelKind channel, DateTimeOffset now)
    {
        Outcome = StepOutcome.Sent;
        Channel = channel;
        SentAt = now;
        RecordedAt = now;
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
