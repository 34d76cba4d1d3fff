using Microsoft.EntityFrameworkCore;
using RelanceBot.Alerts;
using RelanceBot.Invoices;
using RelanceBot.Patients;
using RelanceBot.Persistence;
using RelanceBot.Reminders;

namespace RelanceBot.Collection;

/// <summary>Reads a patient's collection file from the record: the invoices now with a collection service and their history.</summary>
public sealed class CollectionFileQuery(RelanceBotDbContext db, CadencePolicies policies, TimeProvider time)
{
    private static readonly Dictionary<StaffAlertKind, CollectionEventKind> PatientAlerts = new()
    {
        [StaffAlertKind.Dispute] = CollectionEventKind.Disputed,
        [StaffAlertKind.AlreadyPaidClaim] = CollectionEventKind.AlreadyPaidClaim,
        [StaffAlertKind.TalkToHuman] = CollectionEventKind.CallBackRequested,
        [StaffAlertKind.Hardship] = CollectionEventKind.Hardship,
        [StaffAlertKind.OptOut] = CollectionEventKind.StopRequested,
    };

    /// <returns>Null when the patient has no invoice with a collection service.</returns>
    public async Task<CollectionFile?> LoadAsync(Guid practiceId, Patient patient, CancellationToken cancellationToken)
    {
        var invoices = await db.Invoices.AsNoTracking()
            .Where(invoice => invoice.PracticeId == practiceId && invoice.PatientId == patient.Id && invoice.Status == InvoiceStatus.HandedOver)
            .OrderBy(invoice => invoice.IssueDate).ThenBy(invoice => invoice.ExternalReference)
            .ToListAsync(cancellationToken);
        if (invoices.Count == 0)
        {
            return null;
        }

        var practice = await db.Practices.AsNoTracking().SingleAsync(candidate => candidate.Id == practiceId, cancellationToken);
        var references = invoices.ToDictionary(invoice => invoice.Id, invoice => invoice.ExternalReference);
        var ids = references.Keys.ToList();
        var policy = await policies.GetAsync(practiceId, cancellationToken);
        var noticeSteps = policy.Steps.Where(step => step.Action == StepAction.ApprovalRequest).Select(step => step.Name).ToHashSet();
        var runs = await db.ReminderStepRuns.AsNoTracking()
            .Where(run => ids.Contains(run.InvoiceId) && run.QueuedAt != null)
            .ToListAsync(cancellationToken);
        var reminders = runs
            .Select(run => new CollectionReminder(
                references[run.InvoiceId], run.StepName, noticeSteps.Contains(run.StepName), run.QueuedAt!.Value,
                run.DeliveredAt, run.Channel, run.Outcome, run.DeliveryError,
                noticeSteps.Contains(run.StepName) && run is { Outcome: StepOutcome.Sent, DeliveredAt: { } deliveredAt }
                    ? FormalNoticeDeadline.LastDayToPay(policy, practice.TimeZoneId, deliveredAt)
                    : null))
            .OrderBy(reminder => reminder.QueuedAt).ThenBy(reminder => reminder.InvoiceReference)
            .ToList();

        return new CollectionFile(
            new CollectionCreditor(practice.Name, practice.PractitionerName, practice.Phone, practice.Language),
            new CollectionDebtor(patient.ExternalReference, patient.FirstName, patient.LastName, patient.DateOfBirth, patient.Email, patient.PhoneE164),
            [.. invoices.Select(invoice => new CollectionInvoice(
                invoice.ExternalReference, invoice.IssueDate, invoice.DueDate, invoice.AmountDueCents, invoice.AmountPaidCents,
                invoice.HandedOverAt!.Value))],
            reminders,
            await PatientEventsAsync(patient.Id, references, cancellationToken),
            TimeZoneInfo.FindSystemTimeZoneById(practice.TimeZoneId),
            time.GetUtcNow());
    }

    private async Task<List<CollectionPatientEvent>> PatientEventsAsync(
        Guid patientId, Dictionary<Guid, string> references, CancellationToken cancellationToken)
    {
        var ids = references.Keys.ToList();
        var plans = await db.Set<Plans.InstallmentPlan>().AsNoTracking().Include(plan => plan.Installments)
            .Where(plan => ids.Contains(plan.InvoiceId)).ToListAsync(cancellationToken);
        var deferrals = await db.Set<Plans.PaymentDeferral>().AsNoTracking()
            .Where(deferral => ids.Contains(deferral.InvoiceId)).ToListAsync(cancellationToken);
        var kinds = PatientAlerts.Keys.ToList();
        var alerts = await db.StaffAlerts.AsNoTracking()
            .Where(alert => alert.PatientId == patientId && kinds.Contains(alert.Kind)
                && (alert.InvoiceId == null || ids.Contains(alert.InvoiceId.Value)))
            .ToListAsync(cancellationToken);

        var events = new List<CollectionPatientEvent>();
        events.AddRange(plans.Select(plan => new CollectionPatientEvent(
            references[plan.InvoiceId], plan.RequestedAt, CollectionEventKind.PlanRequested, plan.Status.ToString(),
            Installments: plan.Installments.Count, AmountCents: plan.TotalCents)));
        events.AddRange(deferrals.Select(deferral => new CollectionPatientEvent(
            references[deferral.InvoiceId], deferral.RecordedAt, CollectionEventKind.PaymentPromised,
            deferral.LinkSentAt is null ? "Promised" : "PayLinkSent", PromisedOn: deferral.PayOn)));
        events.AddRange(alerts.Select(alert => new CollectionPatientEvent(
            alert.InvoiceId is { } invoiceId ? references[invoiceId] : null, alert.CreatedAt, PatientAlerts[alert.Kind],
            alert.Status.ToString())));
        return [.. events.OrderBy(item => item.At)];
    }
}
