using Microsoft.EntityFrameworkCore;
using RelanceBot.Alerts;
using RelanceBot.Auditing;
using RelanceBot.Collection;
using RelanceBot.Conversations.Messages;
using RelanceBot.Invoices;
using RelanceBot.Persistence;
using RelanceBot.Practices;
using RelanceBot.Teams.Messages;

namespace RelanceBot.Teams.Alerts;

/// <summary>
/// Carries out a staff member's button press on an alert card of their practice: checks who they are and what they may
/// do, applies the effect (payment, pause, plan decision...) and resolves the alert in one unit of work.
/// </summary>
public sealed class AlertActionHandler(
    RelanceBotDbContext db,
    TimeProvider time,
    DecideApproval decisions,
    EndCollection collection,
    AlertCardSubjects subjects,
    AlertCardComposer composer,
    TeamsMessages messages,
    PracticeLanguages practiceLanguages,
    ScopedAuditActor auditActor)
{
    /// <summary>Alert cards are written in the practice's staff language, like the alerts' summaries; read once the presser is known.</summary>
    private BotLanguage CardLanguage { get; set; }

    /// <param name="practiceId">The practice whose channel the card was pressed in, never taken from the card.</param>
    /// <param name="language">The presser's language, for a refusal.</param>
    public async Task<AlertActionResult> HandleAsync(
        Guid practiceId, string? aadObjectId, AlertActionRequest request, BotLanguage language, CancellationToken cancellationToken)
    {
        var objectId = string.IsNullOrEmpty(aadObjectId) ? null : Staff.NormalizeAadObjectId(aadObjectId);
        var staff = objectId is null
            ? null
            : await db.Staff.SingleOrDefaultAsync(s => s.PracticeId == practiceId && s.AadObjectId == objectId, cancellationToken);
        if (staff is null)
        {
            return Refuse(language, "refused-not-staff");
        }

        var alert = await db.StaffAlerts.SingleOrDefaultAsync(a => a.Id == request.AlertId && a.PracticeId == practiceId, cancellationToken);
        if (alert is null)
        {
            return Refuse(language, "refused-unknown-alert");
        }

        CardLanguage = await practiceLanguages.OfAsync(practiceId, cancellationToken);

        if (alert.Status != StaffAlertStatus.Open)
        {
            return await AlreadyHandledAsync(alert, cancellationToken);
        }

        if (!AlertActionPolicy.VerbsFor(alert).Contains(request.Verb) || !HasRequiredInputs(request))
        {
            return Refuse(language, "refused-invalid-action");
        }

        if (!AlertActionPolicy.IsAllowed(alert, request.Verb, staff.Role))
        {
            return Refuse(language, "refused-practitioner-only");
        }

        auditActor.Use($"teams-staff:{staff.Id}");
        var now = time.GetUtcNow();
        try
        {
            var (outcome, resolution, notice, refusal) = await ApplyAsync(alert, request, staff, language, now, cancellationToken);
            if (refusal is not null)
            {
                return AlertActionResult.Refused(refusal);
            }

            alert.Resolve(outcome, staff.Name, resolution, now);
            await db.SaveChangesAsync(cancellationToken);
            var card = composer.Compose(await subjects.LoadAsync(alert, cancellationToken), CardLanguage, now, notice);
            return new AlertActionResult(AlertActionStatus.Done, card, null, alert.Id);
        }
        catch (InvoiceCancelledException)
        {
            return Refuse(language, "refused-invoice-closed");
        }
        catch (DbUpdateConcurrencyException)
        {
            // Two presses raced on the same invoice: the other one won.
            db.ChangeTracker.Clear();
            return await AlreadyHandledAsync(await db.StaffAlerts.SingleAsync(a => a.Id == alert.Id, cancellationToken), cancellationToken);
        }
    }

    /// <returns>
    /// How the alert ends, what the card keeps of it, and a notice shown once on the updated card; or why nothing could
    /// be done, in the presser's <paramref name="language"/> (nothing changed).
    /// </returns>
    private async Task<(StaffAlertStatus Outcome, string? Resolution, string? Notice, string? Refusal)> ApplyAsync(
        StaffAlert alert, AlertActionRequest request, Staff staff, BotLanguage language, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var format = TextFormat.For(CardLanguage);
        switch (request.Verb)
        {
            case AlertVerb.Approve or AlertVerb.Reject:
                // The alerts' one decision path, as the API's: a plan request decides all its plans (or, when every
                // invoice was settled, cancelled or disputed since, cancels them), a cadence step goes ahead or is dropped.
                var resolution = request.Reason is { } reason ? Say("resolution-reason", ("reason", reason)) : null;
                return await decisions.StageAsync(alert, request.Verb == AlertVerb.Approve, staff.Name, resolution, now, cancellationToken) switch
                {
                    { Outcome: ApprovalOutcome.Refused, Refusal: { } refused } => (StaffAlertStatus.Open, null, null, messages.Render(
                        language, $"refused-hand-off-{refused.Reason}",
                        ("deadline", refused.DeadlineOn?.ToString("d", language.Culture()) ?? ""))),
                    { Outcome: ApprovalOutcome.Overtaken, Closure: { } closure } => (
                        alert.Status, alert.Resolution, Say($"plan-obsolete-{closure.ToString().ToLowerInvariant()}"), null),
                    _ => (alert.Status, resolution, null, null),
                };
            case AlertVerb.MarkPaid:
                // A claim over several invoices is settled for all of them: the patient paid them together.
                var paid = 0L;
                foreach (var invoice in await InvoicesOfAsync(alert, cancellationToken))
                {
                    var outstanding = invoice.AmountOutstandingCents;
                    if (outstanding > 0)
                    {
                        invoice.RecordPayment(outstanding, now);
                        paid += outstanding;
                    }
                }

                return (StaffAlertStatus.Closed, Say(
                    "resolution-paid",
                    ("method", Say(request.PaymentMethod == DeskPaymentMethods.Cash ? "method-cash" : "method-cheque")),
                    ("amount", format.Money(paid))), null, null);
            case AlertVerb.PauseReminders:
                var until = now.AddDays(request.Days!.Value);
                foreach (var invoice in await InvoicesOfAsync(alert, cancellationToken))
                {
                    invoice.PauseReminders(until, ReminderPauseReason.Staff, now);
                }

                var timeZone = TimeZoneInfo.FindSystemTimeZoneById(
                    await db.Practices.Where(p => p.Id == alert.PracticeId).Select(p => p.TimeZoneId).SingleAsync(cancellationToken));
                return (StaffAlertStatus.Closed, messages.RenderCount(
                    CardLanguage,
                    "resolution-paused",
                    request.Days.Value,
                    ("until", format.Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(until, timeZone).DateTime)))), null, null);
            case AlertVerb.NoteCall:
                return (StaffAlertStatus.Closed, Say("resolution-call", ("note", request.Note!)), null, null);
            case AlertVerb.Close:
                return (StaffAlertStatus.Closed, null, null, null);
            case AlertVerb.MarkRecovered or AlertVerb.MarkReturned:
                var recovered = request.Verb == AlertVerb.MarkRecovered;
                var ended = Say(recovered ? "resolution-recovered" : "resolution-returned");
                return await collection.StageAsync(await InvoiceOfAsync(alert, cancellationToken), recovered, staff.Name, ended, now, cancellationToken)
                    ? (StaffAlertStatus.Closed, ended, null, null)
                    : (StaffAlertStatus.Open, null, null, messages.Render(language, "refused-not-in-collection"));
            case AlertVerb.CancelInvoice:
                // The same effect as POST /api/v1/invoices/{ref}/cancel: reminders stop for good.
                (await InvoiceOfAsync(alert, cancellationToken)).Cancel(now);
                return (StaffAlertStatus.Closed, request.Reason is { } why
                    ? Say("resolution-cancelled-reason", ("reason", why))
                    : Say("resolution-cancelled"), null, null);
            default:
                throw new ArgumentOutOfRangeException(nameof(request), request.Verb, null);
        }
    }

    private async Task<Invoice> InvoiceOfAsync(StaffAlert alert, CancellationToken cancellationToken)
        => await db.Invoices.SingleAsync(i => i.Id == alert.InvoiceId && i.PracticeId == alert.PracticeId, cancellationToken);

    /// <summary>Every invoice the alert covers (one, or those of a claim naming several).</summary>
    private async Task<List<Invoice>> InvoicesOfAsync(StaffAlert alert, CancellationToken cancellationToken)
    {
        var ids = alert.CoveredInvoiceIds;
        return await db.Invoices.Where(i => ids.Contains(i.Id) && i.PracticeId == alert.PracticeId).ToListAsync(cancellationToken);
    }

    private static bool HasRequiredInputs(AlertActionRequest request) => request.Verb switch
    {
        AlertVerb.PauseReminders => request.Days is >= 1 and <= AlertActionPolicy.MaxPauseDays,
        AlertVerb.MarkPaid => DeskPaymentMethods.IsKnown(request.PaymentMethod),
        AlertVerb.NoteCall => request.Note is not null,
        _ => true,
    };

    private async Task<AlertActionResult> AlreadyHandledAsync(StaffAlert alert, CancellationToken cancellationToken)
    {
        var card = composer.Compose(
            await subjects.LoadAsync(alert, cancellationToken), CardLanguage, time.GetUtcNow(), notice: Say("already-handled"));
        return new AlertActionResult(AlertActionStatus.AlreadyHandled, card, Say("already-handled"), alert.Id);
    }

    private AlertActionResult Refuse(BotLanguage language, string key) => AlertActionResult.Refused(messages.Render(language, key));

    private string Say(string key, params (string Name, string Value)[] values) => messages.Render(CardLanguage, key, values);
}
