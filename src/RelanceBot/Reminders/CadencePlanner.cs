using RelanceBot.Invoices;
using RelanceBot.Reminders.Calendar;

namespace RelanceBot.Reminders;

/// <summary>
/// Decides, for one invoice at one instant, which steps of a practice's cadence run, which are skipped and when to
/// look again. Pure and thread-safe: the sweep and the preview share it, so the preview shows what the sweep does.
/// </summary>
/// <remarks>
/// A step falls due at the start of local day <c>due date + offset</c> in the practice's time zone. The ladder is
/// walked, never jumped: whatever the invoice's age (a backlog imported late, downtime), the patient first gets the
/// first message step still ahead (the first courteous reminder), and each later step needs the previous one
/// delivered (a courteous one: at least tried) and then a gap of <see cref="CadencePolicy.MinimumStepGapDays"/> local
/// days, or the steps' own spacing when shorter, so a backlog is compressed, never skipped. That leaves at most one
/// message per invoice at a time: never a burst of stale ones. Practitioner alerts come once the step before them
/// was delivered, never before any reminder was. Legal steps for an amount below the practice minimum are recorded
/// and never proposed; they do not hold up the ladder. Messages wait for a contact window and the patient's quota;
/// alerts to staff do not.
/// </remarks>
public sealed class CadencePlanner
{
    private readonly CadencePolicy _policy;
    private readonly ContactCalendar _calendar;
    private readonly ContactQuota _quota;
    private readonly bool _evenWhenDisabled;

    /// <param name="evenWhenDisabled">Plan as if the policy were switched on: the preview shows a practice what it would send.</param>
    public CadencePlanner(CadencePolicy policy, bool evenWhenDisabled = false)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _policy = policy;
        _evenWhenDisabled = evenWhenDisabled;
        _calendar = policy.ToCalendar();
        _quota = policy.ToQuota();
    }

    public CadencePolicy Policy => _policy;

    public ContactCalendar Calendar => _calendar;

    /// <summary>How far back a patient's contacts count against the quota.</summary>
    public TimeSpan QuotaPeriod => _quota.Period;

    /// <summary>
    /// When <paramref name="step"/> falls due for an invoice due on <paramref name="dueDate"/>: the start of local day
    /// <c>due date + offset</c>. Null when that day lies after the calendar's last one: never.
    /// </summary>
    public DateTimeOffset? StepDueAt(CadenceStep step, DateOnly dueDate)
    {
        // Day numbers, not DateOnly.AddDays: a due date at either end of the calendar (a row intake never checked)
        // must plan like any other instead of throwing for every invoice of the sweep.
        return StartOfLocalDay((long)dueDate.DayNumber + step.OffsetDays);
    }

    private DateTimeOffset? StartOfLocalDay(long dayNumber) =>
        dayNumber < DateOnly.MinValue.DayNumber ? DateTimeOffset.MinValue
        : dayNumber > DateOnly.MaxValue.DayNumber ? null
        : _calendar.StartOfLocalDay(DateOnly.FromDayNumber((int)dayNumber));

    public CadencePlan Plan(InvoiceCadenceState invoice, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        if (!(_policy.IsEnabled || _evenWhenDisabled) || invoice.Status is not (InvoiceStatus.Open or InvoiceStatus.PartiallyPaid))
        {
            return CadencePlan.WaitUntil(null);
        }

        if (invoice.RemindersPausedUntil > now)
        {
            return CadencePlan.WaitUntil(invoice.RemindersPausedUntil);
        }

        // Plain loops over a handful of steps: the sweep plans every due invoice twice, thousands per batch.
        var steps = _policy.Steps;
        int? latestClaimedOffset = null;
        foreach (var step in steps)
        {
            // A legal step recorded below the minimum is not a rung: the ladder below it goes on.
            if (invoice.Runs.TryGetValue(step.Name, out var claimed) && claimed.Outcome != StepOutcome.BelowMinimum)
            {
                latestClaimedOffset = Math.Max(latestClaimedOffset ?? int.MinValue, step.OffsetDays);
            }
        }

        var skip = new List<CadenceStep>();
        var belowMinimum = new List<CadenceStep>();
        var alerts = new List<CadenceStep>();
        CadenceStep? message = null;
        DateTimeOffset? nextStepAt = null;
        // The rung the ladder stands on: the last step that reached (or tried to reach) the patient or the practitioner.
        CadenceStep? rung = null;
        var rungRun = default(StepRunState);
        var waiting = false;
        foreach (var step in steps)
        {
            if (invoice.Runs.TryGetValue(step.Name, out var run))
            {
                if (IsRung(step) && run.Outcome is not (StepOutcome.Skipped or StepOutcome.BelowMinimum))
                {
                    (rung, rungRun) = (step, run);
                }

                continue;
            }

            // Steps behind an already claimed one (the policy was edited) and notices that arrived after the due date.
            if (step.OffsetDays < latestClaimedOffset || IsLateNotice(step, invoice))
            {
                skip.Add(step);
                continue;
            }

            if (StepDueAt(step, invoice.DueDate) is not { } dueAt)
            {
                continue;
            }

            if (step.IsLegal && invoice.OutstandingCents < _policy.LegalMinimumCents)
            {
                if (dueAt <= now)
                {
                    belowMinimum.Add(step);
                }
                else
                {
                    nextStepAt = Earliest(nextStepAt, dueAt);
                }

                continue;
            }

            if (waiting)
            {
                continue; // Above the rung the ladder waits on.
            }

            var readyAt = ReadyAt(step, rung, rungRun);
            var eligibleAt = readyAt is null ? (DateTimeOffset?)null : dueAt > readyAt ? dueAt : readyAt;
            if (eligibleAt is null || eligibleAt > now)
            {
                nextStepAt = Earliest(nextStepAt, eligibleAt);
                waiting = IsRung(step);
            }
            else if (step.Action == StepAction.Message)
            {
                message = step;
                waiting = true;
            }
            else
            {
                alerts.Add(step);
                waiting = IsRung(step);
            }
        }

        // A freshly eligible message, else the one the practitioner approved.
        message ??= steps.LastOrDefault(step => invoice.Runs.TryGetValue(step.Name, out var run) && run.Outcome == StepOutcome.Approved);
        var sendableAt = message is null ? (DateTimeOffset?)null : NextContactInstant(invoice, now);
        var send = sendableAt == now ? message : null;
        return new CadencePlan(skip, belowMinimum, alerts, send, Earliest(sendableAt, nextStepAt));
    }

    /// <summary>The first instant at or after <paramref name="now"/> inside a window and within the patient's quota.</summary>
    public DateTimeOffset NextContactInstant(InvoiceCadenceState invoice, DateTimeOffset now)
    {
        // Alternate until both agree: leaving the quota can land outside a window and vice versa.
        var candidate = now;
        while (true)
        {
            var next = _calendar.NextAllowedInstant(_quota.NextAllowedInstant(candidate, invoice.PatientContacts));
            if (next == candidate)
            {
                return next;
            }

            candidate = next;
        }
    }

    /// <summary>
    /// When <paramref name="step"/> may run as far as the ladder goes (its own due time aside); null while it must
    /// wait for something else: the rung's message still in flight or awaiting approval, or never delivered for a
    /// step above courteous.
    /// </summary>
    private DateTimeOffset? ReadyAt(CadenceStep step, CadenceStep? rung, StepRunState rungRun)
    {
        if (rung is null)
        {
            // The first contact is a message, never an alert about reminders that were never sent.
            return step.Action == StepAction.Message ? DateTimeOffset.MinValue : null;
        }

        var reached = rungRun.Outcome switch
        {
            StepOutcome.Sent or StepOutcome.AlertRaised => true,
            // Another courteous attempt may reach the patient; nothing firmer goes to someone who got nothing.
            StepOutcome.Undelivered or StepOutcome.NoUsableChannel => step.Action == StepAction.Message && step.Tone == ReminderTone.Courteous,
            _ => false,
        };
        if (!reached)
        {
            return null;
        }

        var gapDays = Math.Clamp(step.OffsetDays - rung.OffsetDays, 0, _policy.MinimumStepGapDays);
        return StartOfLocalDay((long)_calendar.LocalDate(rungRun.At).DayNumber + gapDays);
    }

    /// <summary>Alerts about the practitioner's own follow-up are not rungs: the next message does not wait for them.</summary>
    private static bool IsRung(CadenceStep step) => step.Action != StepAction.PractitionerAlert;

    private bool IsLateNotice(CadenceStep step, InvoiceCadenceState invoice) =>
        step.OffsetDays < 0 && _calendar.LocalDate(invoice.ImportedAt) >= invoice.DueDate;

    private static DateTimeOffset? Earliest(DateTimeOffset? left, DateTimeOffset? right) =>
        left is null ? right : right is null ? left : left < right ? left : right;
}
