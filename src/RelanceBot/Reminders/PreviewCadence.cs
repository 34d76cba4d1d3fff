using Microsoft.Extensions.Options;
using RelanceBot.Alerts;
using RelanceBot.Sms;
using Microsoft.EntityFrameworkCore;
using RelanceBot.Invoices;
using RelanceBot.Patients;
using RelanceBot.Payments;
using RelanceBot.Persistence;
using RelanceBot.Practices;
using RelanceBot.Reminders.Messages;

namespace RelanceBot.Reminders;

/// <summary>
/// What the cadence would send, when, over the next days, with the rendered text — even while the policy is switched
/// off, so the practice can look before enabling it. Runs the sweep's own planner on a simulated clock; writes nothing.
/// The simulation assumes every message it sends is delivered at once, and so is one already queued.
/// </summary>
public sealed class PreviewCadence(
    RelanceBotDbContext db, CadencePolicies policies, IPaymentLinks paymentLinks, ReminderTemplates templates, IOptions<SmsOptions> sms,
    StaffCatalog staffCatalog, TimeProvider time)
{
    public const int MaxDays = 120;
    public const int MaxInvoices = 500;

    /// <summary>Shown where the single-use reply code goes: a real one is only issued with the real message.</summary>
    public const string ReplyCodePlaceholder = "rb-xxxxxxxx";

    public async Task<IReadOnlyList<PreviewEntry>?> HandleAsync(
        Guid practiceId, int days, string? invoiceReference, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays);
        var practice = await db.Practices.AsNoTracking().SingleAsync(candidate => candidate.Id == practiceId, cancellationToken);
        var planner = new CadencePlanner(await policies.GetAsync(practiceId, cancellationToken), evenWhenDisabled: true);
        var staffTexts = staffCatalog.In(practice.Language);

        var query = db.Invoices.AsNoTracking().Where(invoice => invoice.PracticeId == practiceId);
        query = invoiceReference is null
            ? query.Where(invoice => invoice.Status == InvoiceStatus.Open || invoice.Status == InvoiceStatus.PartiallyPaid)
            : query.Where(invoice => invoice.ExternalReference == invoiceReference);
        var invoices = await query.OrderBy(invoice => invoice.DueDate).Take(MaxInvoices).ToListAsync(cancellationToken);
        if (invoiceReference is not null && invoices.Count == 0)
        {
            return null;
        }

        var invoiceIds = invoices.Select(invoice => invoice.Id).ToList();
        var patientIds = invoices.Select(invoice => invoice.PatientId).Distinct().ToList();
        var patients = await db.PatientsWithChannelsAsync(patientIds, cancellationToken);
        var runs = (await db.Set<ReminderStepRun>().AsNoTracking().Where(run => invoiceIds.Contains(run.InvoiceId))
            .ToListAsync(cancellationToken)).ToLookup(run => run.InvoiceId);
        var now = time.GetUtcNow();
        var since = now - planner.QuotaPeriod;
        var contacts = (await db.Set<ReminderStepRun>().AsNoTracking()
                .Where(run => patientIds.Contains(run.PatientId) && run.QueuedAt > since)
                .Select(run => new { run.PatientId, run.QueuedAt }).ToListAsync(cancellationToken))
            .GroupBy(run => run.PatientId)
            .ToDictionary(group => group.Key, group => group.Select(run => run.QueuedAt!.Value).ToList());

        var entries = new List<PreviewEntry>();
        foreach (var invoice in invoices)
        {
            var payLink = await paymentLinks.GetLinkAsync(invoice.Id, cancellationToken);
            try
            {
                var patient = patients[invoice.PatientId];
                var model = ReminderMessageModels.For(invoice, patient, practice, payLink, ReplyCodePlaceholder, earlierReminderDelivered: false);
                entries.AddRange(Simulate(
                    planner, staffTexts, invoice, patient, model, runs[invoice.Id].ToList(),
                    contacts.GetValueOrDefault(patient.Id) ?? [], now, now.AddDays(days)));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The invoice the sweep sets aside (ReminderBatch): flagged here, the rest of the preview still shown.
                entries.Add(new PreviewEntry(
                    now, invoice.ExternalReference, null, null, null, null, null, null,
                    staffTexts.Say("preview-failed")));
            }
        }

        return [.. entries.OrderBy(entry => entry.At).ThenBy(entry => entry.InvoiceReference, StringComparer.Ordinal)];
    }

    private List<PreviewEntry> Simulate(
        CadencePlanner planner,
        StaffTexts staffTexts,
        Invoice invoice,
        Patient patient,
        ReminderMessageModel model,
        List<ReminderStepRun> storedRuns,
        List<DateTimeOffset> patientContacts,
        DateTimeOffset from,
        DateTimeOffset until)
    {
        var runs = storedRuns.ToDictionary(
            run => run.StepName,
            run => run.Outcome == StepOutcome.Queued ? new StepRunState(StepOutcome.Sent, from) : new StepRunState(run.Outcome, run.RecordedAt),
            StringComparer.Ordinal);
        var contacts = patientContacts.ToList();
        var previousChannel = storedRuns.Where(run => run.QueuedAt is not null).OrderBy(run => run.QueuedAt).LastOrDefault()?.Channel;
        var entries = new List<PreviewEntry>();
        var at = from;
        while (at <= until)
        {
            var state = new InvoiceCadenceState(
                invoice.Status, invoice.RemindersPausedUntil, invoice.DueDate, invoice.CreatedAt,
                invoice.AmountOutstandingCents, runs, contacts);
            var plan = planner.Plan(state, at);
            foreach (var step in plan.Skip)
            {
                runs[step.Name] = new(StepOutcome.Skipped, at);
            }

            foreach (var step in plan.BelowMinimum)
            {
                runs[step.Name] = new(StepOutcome.BelowMinimum, at);
                entries.Add(Entry(at, invoice, step, null, null, staffTexts.Say("preview-below-minimum")));
            }

            foreach (var step in plan.Alerts)
            {
                // The preview assumes the practitioner approves, to show the text they would approve.
                runs[step.Name] = new(step.Action == StepAction.ApprovalRequest ? StepOutcome.Approved : StepOutcome.AlertRaised, at);
                entries.Add(Entry(at, invoice, step, null, null, step.Action switch
                {
                    StepAction.ApprovalRequest => staffTexts.Say("preview-approval"),
                    StepAction.HandOff => staffTexts.Say("preview-hand-off"),
                    _ => staffTexts.Say("preview-alert"),
                }));
            }

            if (plan.Send is { } message)
            {
                var channel = ReminderChannels.Choose(patient, message.Channel, previousChannel, sms.Value.IsEnabled);
                var earlierDelivered = runs.Values.Any(run => run.Outcome == StepOutcome.Sent);
                runs[message.Name] = new(channel is null ? StepOutcome.NoUsableChannel : StepOutcome.Sent, at);
                if (channel is null)
                {
                    entries.Add(Entry(at, invoice, message, null, null, staffTexts.Say("preview-no-channel")));
                }
                else
                {
                    var rendered = templates.Render(message.Template!, channel.Kind, model with { EarlierReminderDelivered = earlierDelivered });
                    entries.Add(Entry(at, invoice, message, channel.Kind, rendered, null));
                    contacts.Add(at);
                    previousChannel = channel.Kind;
                }
            }

            var next = plan.HasWork ? at : plan.NextWake;
            if (next is null)
            {
                break;
            }

            at = next.Value > at ? next.Value : plan.HasWork ? at : at + ReminderBatch.SweepInterval;
        }

        return entries;
    }

    private static PreviewEntry Entry(
        DateTimeOffset at, Invoice invoice, CadenceStep step, ChannelKind? channel, RenderedReminder? rendered, string? note) => new(
        at, invoice.ExternalReference, step.Name, step.Action, step.Tone, channel?.ToString(), rendered?.Subject, rendered?.Text, note);
}
