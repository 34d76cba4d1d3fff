using Microsoft.Extensions.Options;
using RelanceBot.Reminders;
using RelanceBot.Sms;
using Microsoft.EntityFrameworkCore;
using RelanceBot.Alerts;
using RelanceBot.Patients;
using RelanceBot.Persistence;

namespace RelanceBot.Outbox;

/// <summary>
/// When a patient-facing message fails for good on one channel, records it again on the patient's next usable channel
/// (preferred first, opted-out ones never); when none is left, staff are told. Works in the dispatcher's unit of work
/// so the failure and its fallback are saved together.
/// </summary>
internal sealed class DeliveryFallback(RelanceBotDbContext db, StaffAlerts alerts, IOptions<SmsOptions> sms, TimeProvider time)
{
    public async Task ApplyAsync(OutboxMessage failed, CancellationToken cancellationToken)
    {
        if (failed.Purpose is OutboxPurpose.StaffAlert or OutboxPurpose.ConversationReply || failed.PatientId is not { } patientId)
        {
            return;
        }

        var originalId = failed.OriginalMessageId ?? failed.Id;
        var tried = await db.OutboxMessages.AsNoTracking()
            .Where(message => message.Id == originalId || message.OriginalMessageId == originalId)
            .Select(message => message.Target)
            .ToListAsync(cancellationToken);
        var channels = await db.PatientChannels.AsNoTracking()
            .Where(channel => channel.PatientId == patientId && channel.OptedOutAt == null)
            .ToListAsync(cancellationToken);
        var next = channels
            .Where(channel => ReminderChannels.IsUsable(channel, sms.Value.IsEnabled) && !tried.Any(target => Targets(target, channel)))
            .OrderByDescending(channel => channel.IsPreferred)
            .ThenBy(channel => channel.Kind)
            .FirstOrDefault();

        if (next is null)
        {
            failed.RecordFallback("no usable channel left, staff alerted");
            await AlertStaffAsync(failed, patientId, cancellationToken);
            return;
        }

        var retry = new OutgoingMessage(
            $"fallback:{originalId}:{next.Id}", failed.PracticeId, failed.Purpose, DeliveryTarget.ForPatientChannel(next), failed.Content)
        {
            PatientId = failed.PatientId,
            InvoiceId = failed.InvoiceId,
        };
        db.OutboxMessages.Add(OutboxMessage.Create(retry, time.GetUtcNow(), originalId));
        failed.RecordFallback(next.Kind.ToString().ToLowerInvariant());
    }

    private static bool Targets(DeliveryTarget target, PatientChannel channel) =>
        target.PatientChannelId == channel.Id
        || (channel.ConversationReferenceId is not null && target.ConversationReferenceId == channel.ConversationReferenceId)
        || (channel.Address is not null && (target.RecipientId == channel.Address || target.EmailAddress == channel.Address));

    private async Task AlertStaffAsync(OutboxMessage failed, Guid patientId, CancellationToken cancellationToken)
    {
        // One open alert per patient is enough: every failed reminder would otherwise raise its own.
        var alreadyOpen = db.StaffAlerts.Local.Any(alert => IsOpenNoChannelAlert(alert, patientId))
            || await db.StaffAlerts.AnyAsync(
                alert => alert.PatientId == patientId && alert.Kind == StaffAlertKind.NoUsableChannel && alert.Status == StaffAlertStatus.Open,
                cancellationToken);
        if (alreadyOpen)
        {
            return;
        }

        // The Teams job posts its card, like every open alert's.
        var texts = await alerts.TextsForAsync(failed.PracticeId, cancellationToken);
        alerts.Raise(new NewStaffAlert(
            failed.PracticeId,
            StaffAlertKind.NoUsableChannel,
            texts.Say("no-channel-left"),
            PatientId: patientId,
            InvoiceId: failed.InvoiceId));
    }

    private static bool IsOpenNoChannelAlert(StaffAlert alert, Guid patientId) =>
        alert.PatientId == patientId && alert.Kind == StaffAlertKind.NoUsableChannel && alert.Status == StaffAlertStatus.Open;
}
