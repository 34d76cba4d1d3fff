using Microsoft.Extensions.Options;
using RelanceBot.Sms;
using Microsoft.EntityFrameworkCore;
using RelanceBot.Alerts;
using RelanceBot.Conversations;
using RelanceBot.FormalNotices;
using RelanceBot.Invoices;
using RelanceBot.Outbox;
using RelanceBot.Patients;
using RelanceBot.Payments;
using RelanceBot.Persistence;
using RelanceBot.Practices;
using RelanceBot.Reminders.Messages;

namespace RelanceBot.Reminders;

/// <summary>
/// One batch of a sweep (a new instance for each, in the scope of the sweep's preparation), prepared without writing anything: reads what its due invoices need, plans
/// each one, claims its steps, renders its message and raises its alerts, all in memory, for
/// <see cref="ReminderWriter"/> to write in one transaction with other batches. A claim that another sweep saved first
/// makes that transaction roll back, so nothing is ever enqueued twice; the next sweep sees the other sweep's work.
/// </summary>
/// <remarks>
/// Planning is per invoice and in memory; reading is set-based (one query per kind of row), and so is writing (bulk
/// inserts of claims, tokens and messages, one update per distinct wake-up time). Only the rare rows that change
/// (approved steps now sent, alerts) go through SaveChanges. Id lists go to the database as one array parameter
/// (<c>EF.Parameter</c>): SQLite finds a statement's parameters by name with a linear scan, so thousands of scalar
/// parameters made each lookup query quadratic.
/// An invoice whose planning or rendering throws (a row no intake check saw, a template that does not fit it) is set
/// aside on its own: what the batch prepared for it is dropped, it is logged, staff get one alert, and the sweep looks
/// at it again only after <see cref="FailedRetryDelay"/>. The others of the batch, and of every practice, go on.
/// </remarks>
public sealed partial class ReminderBatch(
    RelanceBotDbContext db,
    IOutbox outbox,
    IReminderStorage storage,
    StaffAlerts alerts,
    ConversationLinker linker,
    IPaymentLinks paymentLinks,
    ReminderTemplates templates,
    IOptions<SmsOptions> sms,
    EmailUnsubscribe unsubscribe,
    FormalNoticeIssuer formalNotices,
    ILogger<ReminderBatch> logger)
{
    /// <summary>A sweep looks at an invoice at most once: work left for "now" waits for the next sweep.</summary>
    public static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    /// <summary>
    /// When an invoice the batch could not prepare is tried again. Planning and rendering depend only on data, so
    /// retrying sooner would fail the same way; any change to the invoice or the cadence wakes it at once anyway.
    /// </summary>
    public static readonly TimeSpan FailedRetryDelay = TimeSpan.FromHours(6);

    private readonly Dictionary<Guid, CadencePlanner> _planners = [];
    private readonly Dictionary<Guid, Practice> _practices = [];
    private readonly Dictionary<Guid, CadencePolicy> _policies = [];
    private readonly List<ReminderStepRun> _claims = [];
    private readonly Dictionary<DateTimeOffset, List<Guid>> _wakes = [];
    private readonly List<Guid> _sleeping = [];
    private readonly Dictionary<Guid, Invoice> _failed = [];
    private int _alertsRaised;

    /// <summary>
    /// Prepares the steps due at <paramref name="now"/> for <paramref name="invoiceIds"/>. Batches prepared together
    /// must not share a patient (the contact quota is counted per patient, in memory, within a batch).
    /// </summary>
    /// <returns>What to write; null when none of these invoices exists any more.</returns>
    public async Task<PreparedReminders?> PrepareAsync(IReadOnlyCollection<Guid> invoiceIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Thousands of entities are tracked: scanning them all on every Add would make a batch quadratic.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var ids = invoiceIds.ToList();
        var invoices = await db.Invoices.AsNoTracking().Where(invoice => EF.Parameter(ids).Contains(invoice.Id))
            .ToListAsync(cancellationToken);
        if (invoices.Count == 0)
        {
            return null;
        }

        var patientIds = invoices.Select(invoice => invoice.PatientId).Distinct().ToList();
        var patients = await db.PatientsWithChannelsAsync(patientIds, cancellationToken);
        var runs = (await db.Set<ReminderStepRun>().Where(run => EF.Parameter(ids).Contains(run.InvoiceId)).ToListAsync(cancellationToken))
            .ToLookup(run => run.InvoiceId);
        await LoadPracticesAsync(invoices.Select(invoice => invoice.PracticeId).Distinct(), cancellationToken);
        var contacts = await LoadContactsAsync(patientIds, now, cancellationToken);

        var sends = new List<ReminderToSend>();
        foreach (var invoice in invoices)
        {
            var patientContacts = contacts.GetValueOrDefault(invoice.PatientId) ?? [];
            contacts[invoice.PatientId] = patientContacts;
            try
            {
                Run(invoice, patients[invoice.PatientId], [.. runs[invoice.Id]], patientContacts, now, sends);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Fail(invoice, exception);
            }
        }

        var (links, messages) = await PrepareMessagesAsync(sends, now, cancellationToken);
        if (_failed.Count > 0)
        {
            await SetAsideFailedAsync(now, cancellationToken);
        }

        return new PreparedReminders(
            new SweepResult(invoices.Count, messages.Count, _alertsRaised),
            // Alerts, issued pay links and approved steps now sent are tracked here and go with the rows.
            storage.Prepare(_claims, links, now),
            outbox.Prepare(messages),
            [.. _wakes.Select(pair => ((DateTimeOffset?)pair.Key, pair.Value)), (null, _sleeping)]);
    }

    /// <summary>
    /// Plans and claims one invoice's steps; its message, if any, joins <paramref name="sends"/>, its next wake-up
    /// the batch's wake-ups.
    /// </summary>
    private void Run(
        Invoice invoice,
        Patient patient,
        List<ReminderStepRun> runs,
        List<DateTimeOffset> patientContacts,
        DateTimeOffset now,
        List<ReminderToSend> sends)
    {
        var planner = _planners[invoice.PracticeId];
        var plan = planner.Plan(State(invoice, runs, patientContacts), now);

        foreach (var step in plan.Skip)
        {
            runs.Add(Claim(ReminderStepRun.Record(invoice.Id, patient.Id, step.Name, StepOutcome.Skipped, now)));
        }

        foreach (var step in plan.BelowMinimum)
        {
            runs.Add(Claim(ReminderStepRun.Record(invoice.Id, patient.Id, step.Name, StepOutcome.BelowMinimum, now)));
        }

        foreach (var step in plan.Alerts)
        {
            var alert = Raise(AlertFor(step, invoice, patient, runs));
            var outcome = step.Action == StepAction.ApprovalRequest ? StepOutcome.AwaitingApproval : StepOutcome.AlertRaised;
            runs.Add(Claim(ReminderStepRun.Record(invoice.Id, patient.Id, step.Name, outcome, now, alert.Id)));
        }

        if (plan.Send is { } message)
        {
            var channel = ReminderChannels.Choose(patient, message.Channel, LastChannel(runs), sms.Value.IsEnabled);
            var run = runs.SingleOrDefault(candidate => candidate.StepName == message.Name);
            if (channel is null)
            {
                Raise(new NewStaffAlert(
                    invoice.PracticeId, StaffAlertKind.NoUsableChannel,
                    StaffTextsOf(invoice).Say("no-channel-for-reminder", ("invoice", invoice.ExternalReference)), patient.Id, invoice.Id));
                if (run is null)
                {
                    runs.Add(Claim(ReminderStepRun.Record(invoice.Id, patient.Id, message.Name, StepOutcome.NoUsableChannel, now)));
                }
                else
                {
                    run.MarkNoUsableChannel(now);
                }
            }
            else
            {
                // Read before this step's claim joins them: only earlier steps count.
                var earlierDelivered = runs.Exists(candidate => candidate.Outcome == StepOutcome.Sent);
                if (run is null)
                {
                    run = Claim(ReminderStepRun.Queued(invoice.Id, patient.Id, message.Name, channel.Kind, now));
                    runs.Add(run);
                }
                else
                {
                    run.MarkQueued(channel.Kind, now);
                }

                sends.Add(new ReminderToSend(message, invoice, patient, channel, run.Id, earlierDelivered));
                patientContacts.Add(now);
            }
        }

        var next = planner.Plan(State(invoice, runs, patientContacts), now).NextWake;
        WakeAt(invoice.Id, next is { } wake && wake < now + SweepInterval ? now + SweepInterval : next);
    }

    private StaffAlert Raise(NewStaffAlert alert)
    {
        _alertsRaised++;
        return alerts.Raise(alert);
    }

    private void Fail(Invoice invoice, Exception exception)
    {
        _failed.TryAdd(invoice.Id, invoice);
        // The exception's type and where it was thrown, not its message: a message may quote the data that broke it.
        var site = exception.TargetSite is { } method ? $"{method.DeclaringType?.Name}.{method.Name}" : "unknown";
        LogInvoiceFailed(invoice.Id, exception.GetType().Name, site);
    }

    /// <summary>
    /// Drops what the batch prepared for the invoices that failed (claims, alerts, approved steps marked sent, wake-ups),
    /// wakes them again after <see cref="FailedRetryDelay"/>, and raises one alert per invoice: none when an open one
    /// from an earlier sweep is still there. The patient's contact counted for a message that was not rendered stays
    /// counted for the rest of the batch: at worst their other invoice waits, it is never sent too soon.
    /// </summary>
    private async Task SetAsideFailedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        _claims.RemoveAll(claim => _failed.ContainsKey(claim.InvoiceId));
        foreach (var invoiceIds in _wakes.Values)
        {
            invoiceIds.RemoveAll(_failed.ContainsKey);
        }

        _sleeping.RemoveAll(_failed.ContainsKey);
        foreach (var entry in db.ChangeTracker.Entries<StaffAlert>().Where(entry => IsFailed(entry.Entity.InvoiceId)).ToList())
        {
            entry.State = EntityState.Detached;
            _alertsRaised--;
        }

        foreach (var entry in db.ChangeTracker.Entries<ReminderStepRun>().Where(entry => IsFailed(entry.Entity.InvoiceId)).ToList())
        {
            entry.State = EntityState.Detached;
        }

        foreach (var entry in db.ChangeTracker.Entries<FormalNotice>().Where(entry => IsFailed(entry.Entity.InvoiceId)).ToList())
        {
            db.Entry(db.Set<Documents.StoredDocument>().Local.Single(document => document.Id == entry.Entity.DocumentId)).State = EntityState.Detached;
            entry.State = EntityState.Detached;
        }

        var failedIds = _failed.Keys.ToList();
        var alerted = await db.StaffAlerts.AsNoTracking()
            .Where(alert => alert.Kind == StaffAlertKind.ReminderFailed && alert.Status == StaffAlertStatus.Open
                && alert.InvoiceId != null && failedIds.Contains(alert.InvoiceId.Value))
            .Select(alert => alert.InvoiceId!.Value)
            .ToListAsync(cancellationToken);
        foreach (var invoice in _failed.Values.Where(invoice => !alerted.Contains(invoice.Id)))
        {
            Raise(new NewStaffAlert(
                invoice.PracticeId, StaffAlertKind.ReminderFailed,
                StaffTextsOf(invoice).SayCount("reminder-failed", (long)FailedRetryDelay.TotalHours, ("invoice", invoice.ExternalReference)),
                invoice.PatientId,
                invoice.Id));
        }

        foreach (var invoiceId in failedIds)
        {
            WakeAt(invoiceId, now + FailedRetryDelay);
        }

        bool IsFailed(Guid? invoiceId) => invoiceId is { } id && _failed.ContainsKey(id);
    }

    private void WakeAt(Guid invoiceId, DateTimeOffset? instant)
    {
        if (instant is not { } wake)
        {
            _sleeping.Add(invoiceId);
        }
        else if (_wakes.TryGetValue(wake, out var invoiceIds))
        {
            invoiceIds.Add(invoiceId);
        }
        else
        {
            _wakes[wake] = [invoiceId];
        }
    }

    /// <summary>Renders the batch's messages, each with a fresh link token: one query for their pay links.</summary>
    private async Task<(List<ConversationLinkToken> Links, List<OutgoingMessage> Messages)> PrepareMessagesAsync(
        List<ReminderToSend> sends, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var links = new List<ConversationLinkToken>(sends.Count);
        var messages = new List<OutgoingMessage>(sends.Count);
        if (sends.Count == 0)
        {
            return (links, messages);
        }

        var payLinks = await paymentLinks.GetLinksAsync([.. sends.Select(send => send.Invoice.Id)], cancellationToken);
        foreach (var send in sends)
        {
            if (_failed.ContainsKey(send.Invoice.Id))
            {
                continue; // Planning failed after the message was chosen.
            }

            try
            {
                var (replyCode, link) = linker.Create(send.Patient.Id, send.Invoice.Id, ConversationLinker.DefaultLifetime);
                messages.Add(Message(send, payLinks[send.Invoice.Id], replyCode, now));
                links.Add(link);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Fail(send.Invoice, exception);
            }
        }

        return (links, messages);
    }

    private OutgoingMessage Message(ReminderToSend send, string payLink, string replyCode, DateTimeOffset now)
    {
        var (step, invoice, patient, channel, stepRunId, earlierDelivered) = send;
        var practice = _practices[invoice.PracticeId];
        var email = patient.Channels.FirstOrDefault(candidate => candidate.Kind == ChannelKind.Email && !candidate.IsOptedOut);
        // An approved mise en demeure is a letter: the e-mail carries it, and staff get it for the post.
        var notice = step.Action == StepAction.ApprovalRequest
            ? formalNotices.Issue(invoice, patient, practice, payLink, _policies[invoice.PracticeId].FormalNoticeDeadlineDays,
                reachesByEmail: channel.Kind == ChannelKind.Email, now)
            : null;
        var model = ReminderMessageModels.For(invoice, patient, practice, payLink, replyCode, earlierDelivered) with
        {
            UnsubscribeLink = email is null ? null : unsubscribe.LinkFor(email.Id),
            PaymentDeadline = notice?.PaymentDeadline,
        };
        // Every channel's wording travels with the message: a fallback to e-mail sends the e-mail template, not the SMS.
        var rendered = templates.Render(step.Template!, channel.Kind, model);
        var asEmail = channel.Kind == ChannelKind.Email ? rendered : templates.Render(step.Template!, ChannelKind.Email, model);
        var asText = channel.Kind == ChannelKind.Email ? templates.Render(step.Template!, ChannelKind.Sms, model) : rendered;
        var content = new OutboxContent(asText.Text)
        {
            Subject = asEmail.Subject,
            EmailText = asEmail.Text,
            UnsubscribeUrl = model.UnsubscribeLink,
            Actions = [.. rendered.Buttons.Select(button => new OutboxAction(button.Title, button.Url ?? button.Value!))],
            AttachmentIds = notice is null ? [] : [notice.DocumentId],
        };
        if (notice is not null)
        {
            Raise(notice.Alert);
        }

        var purpose = step.Action == StepAction.ApprovalRequest ? OutboxPurpose.FormalNotice : OutboxPurpose.Reminder;
        return new OutgoingMessage(
            // One message per claim, so one per invoice and step. The claim's time-ordered id leads the key: the outbox's
            // unique index on keys then grows at its end instead of taking thousands of random inserts per sweep.
            ReminderMessageKey.For(stepRunId, step.Name), invoice.PracticeId, purpose, DeliveryTarget.ForPatientChannel(channel), content)
        {
            PatientId = patient.Id,
            InvoiceId = invoice.Id,
            DueAt = now,
        };
    }

    private ReminderStepRun Claim(ReminderStepRun run)
    {
        _claims.Add(run);
        return run;
    }

    private NewStaffAlert AlertFor(CadenceStep step, Invoice invoice, Patient patient, List<ReminderStepRun> runs)
    {
        var (kind, key) = step.Action switch
        {
            StepAction.ApprovalRequest => (StaffAlertKind.FormalNoticeApproval, "step-approval"),
            StepAction.HandOff => (StaffAlertKind.CollectionHandOff, "step-hand-off"),
            _ => (StaffAlertKind.Escalation, "step-escalation"),
        };
        var texts = StaffTextsOf(invoice);
        var summary = texts.SayCount(key, step.OffsetDays, ("invoice", invoice.ExternalReference));
        if (step.Action == StepAction.PractitionerAlert)
        {
            summary += " " + RemindersSoFar(texts, runs);
        }

        return new NewStaffAlert(
            invoice.PracticeId, kind, summary, patient.Id, invoice.Id,
            RequiresDecision: step.Action is StepAction.ApprovalRequest or StepAction.HandOff);
    }

    /// <summary>What the delivery record says reached the patient, never more: delivered reminders, and those that never left.</summary>
    private static string RemindersSoFar(StaffTexts texts, List<ReminderStepRun> runs)
    {
        var delivered = runs.Where(run => run.Outcome == StepOutcome.Sent).OrderBy(run => run.DeliveredAt).ToList();
        var lost = runs.Count(run => run.Outcome == StepOutcome.Undelivered);
        var said = delivered is [.., var last]
            ? texts.SayCount(
                "reminders-delivered",
                delivered.Count,
                ("date", texts.Format.Date(DateOnly.FromDateTime(last.DeliveredAt!.Value.UtcDateTime))),
                ("channel", texts.Say($"channel-{last.Channel}")))
            : texts.Say("reminders-none-delivered");
        return lost == 0 ? said : said + " " + texts.SayCount("reminders-never-left", lost);
    }

    /// <summary>Alert summaries are worded in the language of the invoice's practice, loaded with its policy.</summary>
    private StaffTexts StaffTextsOf(Invoice invoice) => alerts.TextsIn(_practices[invoice.PracticeId].Language);

    private static ChannelKind? LastChannel(List<ReminderStepRun> runs) =>
        runs.Where(run => run.QueuedAt is not null).OrderBy(run => run.QueuedAt).LastOrDefault()?.Channel;

    private static InvoiceCadenceState State(Invoice invoice, List<ReminderStepRun> runs, List<DateTimeOffset> contacts) => new(
        invoice.Status,
        invoice.RemindersPausedUntil,
        invoice.DueDate,
        invoice.CreatedAt,
        invoice.AmountOutstandingCents,
        runs.ToDictionary(run => run.StepName, run => new StepRunState(run.Outcome, run.RecordedAt), StringComparer.Ordinal),
        contacts);

    private async Task LoadPracticesAsync(IEnumerable<Guid> practiceIds, CancellationToken cancellationToken)
    {
        var ids = practiceIds.ToList();
        var practices = await db.Practices.AsNoTracking().Where(practice => ids.Contains(practice.Id)).ToListAsync(cancellationToken);
        var policies = await db.Set<CadencePolicy>().AsNoTracking().Where(policy => ids.Contains(policy.PracticeId))
            .ToDictionaryAsync(policy => policy.PracticeId, cancellationToken);
        foreach (var practice in practices)
        {
            _practices[practice.Id] = practice;
            _policies[practice.Id] = policies.GetValueOrDefault(practice.Id) ?? CadencePolicy.DefaultFor(practice.Id, practice.TimeZoneId);
            _planners[practice.Id] = new CadencePlanner(_policies[practice.Id]);
        }
    }

    private async Task<Dictionary<Guid, List<DateTimeOffset>>> LoadContactsAsync(
        List<Guid> patientIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The longest quota period among the batch's practices bounds what any planner needs.
        var since = now - _planners.Values.Max(planner => planner.QuotaPeriod);
        var sent = await db.Set<ReminderStepRun>().AsNoTracking()
            .Where(run => EF.Parameter(patientIds).Contains(run.PatientId) && run.QueuedAt > since)
            .Select(run => new { run.PatientId, run.QueuedAt })
            .ToListAsync(cancellationToken);
        return sent.GroupBy(run => run.PatientId)
            .ToDictionary(group => group.Key, group => group.Select(run => run.QueuedAt!.Value).ToList());
    }

    /// <param name="StepRunId">The claim this message carries out.</param>
    /// <param name="EarlierReminderDelivered">Whether an earlier step's message reached the patient: the text may say so.</param>
    private sealed record ReminderToSend(
        CadenceStep Step, Invoice Invoice, Patient Patient, PatientChannel Channel, Guid StepRunId, bool EarlierReminderDelivered);

    [LoggerMessage(LogLevel.Error, "Reminders for invoice {InvoiceId} could not be prepared ({ExceptionType} in {Site}): set aside, the other invoices go on.")]
    private partial void LogInvoiceFailed(Guid invoiceId, string exceptionType, string site);
}
