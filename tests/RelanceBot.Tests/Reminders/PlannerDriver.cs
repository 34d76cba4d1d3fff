using RelanceBot.Invoices;
using RelanceBot.Reminders;

namespace RelanceBot.Tests.Reminders;

/// <summary>
/// Drives a <see cref="CadencePlanner"/> like the sweep does, jumping from one wake-up to the next, so weeks of
/// calendar run in microseconds. Approval requests are approved at once, and every message is delivered as it is sent.
/// </summary>
internal static class PlannerDriver
{
    public static List<(DateTimeOffset At, string Step, StepOutcome Outcome)> Run(
        CadencePlanner planner,
        DateOnly dueDate,
        DateTimeOffset importedAt,
        DateTimeOffset until,
        long outstandingCents = 12_000,
        InvoiceStatus status = InvoiceStatus.Open,
        DateTimeOffset? pausedUntil = null)
    {
        var runs = new Dictionary<string, StepRunState>(StringComparer.Ordinal);
        var contacts = new List<DateTimeOffset>();
        var log = new List<(DateTimeOffset, string, StepOutcome)>();
        var at = importedAt;
        for (var guard = 0; guard < 1000 && at <= until; guard++)
        {
            var plan = planner.Plan(
                new InvoiceCadenceState(status, pausedUntil, dueDate, importedAt, outstandingCents, runs, contacts), at);
            foreach (var step in plan.Skip)
            {
                Record(step.Name, StepOutcome.Skipped);
            }

            foreach (var step in plan.BelowMinimum)
            {
                Record(step.Name, StepOutcome.BelowMinimum);
            }

            foreach (var step in plan.Alerts)
            {
                Record(step.Name, step.Action == StepAction.ApprovalRequest ? StepOutcome.Approved : StepOutcome.AlertRaised);
            }

            if (plan.Send is { } message)
            {
                Record(message.Name, StepOutcome.Sent);
                contacts.Add(at);
            }

            if (!plan.HasWork)
            {
                if (plan.NextWake is not { } next)
                {
                    break;
                }

                at = next;
            }
        }

        return log;

        void Record(string step, StepOutcome outcome)
        {
            runs[step] = new StepRunState(outcome, at);
            log.Add((at, step, outcome));
        }
    }
}
