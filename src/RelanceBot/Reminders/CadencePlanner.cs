using RelanceBot.Invoices;
using RelanceBot.Reminders.Calendar;

namespace RelanceBot.Reminders;

/// <summary>
/// Decides, for one invoice at one instant, which steps of a practice's cadence run, which are skipped and when to
/// look again. Pure and thread-safe: the sweep and the preview share it, so the preview shows what the sweep does.
/// </summary>
/// <remarks>
/// A step falls due at the start of local day <c>due date + offset</c> in the practice's time zone. When several
/// steps are due at once (after downtime, or for an invoice imported late) only the latest runs and the earlier ones
/// are skipped: one message, never a burst of stale ones. Messages wait for a contact window and the patient's quota;
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
        var day = (long)dueDate.DayNumber + step.OffsetDays;
        return day < DateOnly.MinValue.DayNumber ? DateTimeOffset.MinValue
            : day > DateOnly.MaxValue.DayNumber ? null
            : _calendar.StartOfLocalDay(DateOnly.FromDayNumber((int)day));
    }

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
            if (invoice.Runs.ContainsKey(step.Name))
            {
                latestClaimedOffset = Math.Max(latestClaimedOffset ?? int.MinValue, step.OffsetDays);
            }
        }

        // Skipped: steps behind an already claimed one (the policy was edited) or a notice that arrived after the due
        // date, then due steps overtaken by a later due one.
        var skip = new List<CadenceStep>();
        var due = new List<CadenceStep>();
        DateTimeOffset? nextStepAt = null;
        int? latestDue = null;
        foreach (var step in steps)
        {
            if (invoice.Runs.ContainsKey(step.Name))
            {
                continue;
            }

            if (step.OffsetDays < latestClaimedOffset || IsLateNotice(step, invoice))
            {
                skip.Add(step);
                continue;
            }

            var dueAt = StepDueAt(step, invoice.DueDate);
            if (dueAt <= now)
            {
                due.Add(step);
                latestDue = Math.Max(latestDue ?? int.MinValue, step.OffsetDays);
            }
            else if (dueAt is not null)
            {
                nextStepAt = Earliest(nextStepAt, dueAt);
            }
        }

        var belowMinimum = new List<CadenceStep>();
        var alerts = new List<CadenceStep>();
        CadenceStep? message = null;
        foreach (var step in due)
        {
            if (step.OffsetDays < latestDue)
            {
                skip.Add(step);
            }
            else if (step.IsLegal && invoice.OutstandingCents < _policy.LegalMinimumCents)
            {
                belowMinimum.Add(step);
            }
            else if (step.Action == StepAction.Message)
            {
                message = step;
            }
            else
            {
                alerts.Add(step);
            }
        }

        // The latest message wins: a freshly due one, else one the practitioner approved.
        message ??= steps.LastOrDefault(step => invoice.Runs.GetValueOrDefault(step.Name) == StepOutcome.Approved);
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

    private bool IsLateNotice(CadenceStep step, InvoiceCadenceState invoice) =>
        step.OffsetDays < 0 && _calendar.LocalDate(invoice.ImportedAt) >= invoice.DueDate;

    private static DateTimeOffset? Earliest(DateTimeOffset? left, DateTimeOffset? right) =>
        left is null ? right : right is null ? left : left < right ? left : right;
}
