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

    public DateTimeOffset StepDueAt(CadenceStep step, DateOnly dueDate) =>
        _calendar.StartOfLocalDay(dueDate.AddDays(step.OffsetDays));

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

        var steps = _policy.Steps;
        var latestClaimedOffset = steps.Where(step => invoice.Runs.ContainsKey(step.Name))
            .Select(step => (int?)step.OffsetDays).Max();
        var unclaimed = steps.Where(step => !invoice.Runs.ContainsKey(step.Name)).ToList();

        // Steps behind an already claimed one (the policy was edited) or a notice that arrived after the due date.
        var stale = unclaimed.Where(step => step.OffsetDays < latestClaimedOffset || IsLateNotice(step, invoice)).ToList();
        var due = unclaimed.Except(stale).Where(step => StepDueAt(step, invoice.DueDate) <= now).ToList();
        var latestDue = due.Count == 0 ? (int?)null : due.Max(step => step.OffsetDays);
        var overtaken = due.Where(step => step.OffsetDays < latestDue).ToList();
        var runNow = due.Where(step => step.OffsetDays == latestDue).ToList();

        var belowMinimum = runNow.Where(step => step.IsLegal && invoice.OutstandingCents < _policy.LegalMinimumCents).ToList();
        var alerts = runNow.Except(belowMinimum).Where(step => step.Action != StepAction.Message).ToList();

        // The latest message wins: a freshly due one, else one the practitioner approved.
        var message = runNow.Except(belowMinimum).LastOrDefault(step => step.Action == StepAction.Message)
            ?? steps.LastOrDefault(step => invoice.Runs.GetValueOrDefault(step.Name) == StepOutcome.Approved);
        var sendableAt = message is null ? (DateTimeOffset?)null : NextContactInstant(invoice, now);
        var send = sendableAt == now ? message : null;

        var nextStepAt = unclaimed.Except(stale).Except(due)
            .Select(step => (DateTimeOffset?)StepDueAt(step, invoice.DueDate)).Min();
        var nextWake = Earliest(sendableAt, nextStepAt);

        return new CadencePlan([.. stale, .. overtaken], belowMinimum, alerts, send, nextWake);
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
