using Microsoft.Extensions.Options;
using RelanceBot.Sms;
using Microsoft.EntityFrameworkCore;
using RelanceBot.Alerts;
using RelanceBot.Conversations.Messages;
using RelanceBot.Outbox;
using RelanceBot.Patients;
using RelanceBot.Persistence;
using RelanceBot.Reminders;
using RelanceBot.Reminders.Messages;

namespace RelanceBot.Payments;

/// <summary>
/// Puts payment notices in the outbox, in the caller's unit of work, on the patient's preferred usable channel (the
/// same choice as a reminder's). With no usable channel left, staff are told instead.
/// </summary>
public sealed class OutboxPatientNotifier(
    RelanceBotDbContext db, IOutbox outbox, PatientNoticeTexts texts, StaffAlerts alerts, IOptions<SmsOptions> sms) : IPatientNotifier
{
    public async Task NotifyAsync(PatientNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var patient = await db.Patients.AsNoTracking().Include(patient => patient.Channels)
            .SingleAsync(patient => patient.Id == notice.PatientId, cancellationToken);
        if (ReminderChannels.Choose(patient, ChannelPreference.Preferred, previousChannel: null, sms.Value.IsEnabled) is not { } channel)
        {
            alerts.Raise(new NewStaffAlert(
                notice.PracticeId, StaffAlertKind.NoUsableChannel,
                (await alerts.TextsForAsync(notice.PracticeId, cancellationToken)).Say("notice-no-channel"), patient.Id, notice.InvoiceId));
            return;
        }

        var practiceName = await db.Practices.Where(practice => practice.Id == notice.PracticeId)
            .Select(practice => practice.Name)
            .SingleAsync(cancellationToken);
        var language = patient.Language == PatientLanguage.English ? BotLanguage.English : BotLanguage.French;
        var rendered = texts.Render(
            notice.Kind, language, new PatientNoticeValues(patient.FirstName, practiceName, notice.AmountCents, notice.PayLink, notice.Invoices));
        var content = new OutboxContent(channel.Kind == ChannelKind.Sms ? SmsSegments.WithPlainSpaces(rendered.Text) : rendered.Text)
        {
            Subject = rendered.Subject,
            Actions = channel.Kind != ChannelKind.Chat ? []
                : notice.Invoices.Count > 1 ? [.. notice.Invoices.Select(invoice => new OutboxAction(texts.PayInvoiceButton(language, invoice.Reference), invoice.PayLink))]
                : notice.PayLink is { } link ? [new OutboxAction(rendered.PayButtonTitle, link)]
                : [],
        };
        await outbox.EnqueueAsync(
            new OutgoingMessage(notice.IdempotencyKey, notice.PracticeId, PurposeOf(notice.Kind), DeliveryTarget.ForPatientChannel(channel), content)
            {
                PatientId = patient.Id,
                InvoiceId = notice.InvoiceId,
            },
            cancellationToken);
    }

    private static OutboxPurpose PurposeOf(PatientNoticeKind kind) => kind switch
    {
        PatientNoticeKind.InvoicePaid => OutboxPurpose.PaymentReceipt,
        PatientNoticeKind.PlanApproved or PatientNoticeKind.PlanRejected => OutboxPurpose.PlanConfirmation,
        PatientNoticeKind.InstallmentChargeFailed => OutboxPurpose.InstallmentReminder,
        _ => OutboxPurpose.PaymentLink,
    };
}
