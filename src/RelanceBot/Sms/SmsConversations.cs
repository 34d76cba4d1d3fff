using Microsoft.EntityFrameworkCore;
using RelanceBot.BotFramework.Schema;
using RelanceBot.Conversations;
using RelanceBot.Outbox;
using RelanceBot.Patients;
using RelanceBot.Persistence;

namespace RelanceBot.Sms;

/// <summary>
/// Finds whose number texted: the patient the last SMS to that number was for (so the practice is the one that sent
/// it; one Twilio sender serves every practice), else the only patient with that number; and binds the number's
/// <c>sms</c> conversation to them, so the conversation engine sees a linked patient and STOP opts out their SMS.
/// </summary>
internal sealed class SmsConversations(RelanceBotDbContext db, ConversationReferenceStore references)
{
    public const string ChannelId = DeliveryTarget.SmsChannelId;

    /// <summary>The bound conversation, or null when no active patient has this number (nothing is recorded then).</summary>
    public async Task<SmsConversation?> BindAsync(Activity inbound, CancellationToken cancellationToken)
    {
        var phone = inbound.From!.Id!;
        if (await FindPatientAsync(phone, cancellationToken) is not { } patient)
        {
            return null;
        }

        var recorded = await references.RecordAsync(inbound, cancellationToken);
        ConversationLinker.BindSms(patient, phone, recorded.Reference);
        await db.SaveChangesAsync(cancellationToken);
        return new SmsConversation(phone, patient.PracticeId, patient.Id, patient.Language);
    }

    private async Task<Patient?> FindPatientAsync(string phone, CancellationToken cancellationToken)
    {
        var lastTexted = await db.OutboxMessages.AsNoTracking()
            .Where(message => message.RecipientId == phone && message.Channel == DeliveryChannel.Sms && message.PatientId != null)
            .OrderByDescending(message => message.CreatedAt)
            .Select(message => message.PatientId)
            .FirstOrDefaultAsync(cancellationToken);
        var candidates = lastTexted is { } patientId
            ? [patientId]
            : await db.PatientChannels.AsNoTracking()
                .Where(channel => channel.Kind == ChannelKind.Sms && channel.Address == phone)
                .Select(channel => channel.PatientId)
                .Distinct()
                .Take(2)
                .ToListAsync(cancellationToken);
        if (candidates.Count != 1)
        {
            // Nobody, or patients of several practices and none texted yet: which file to open cannot be told.
            return null;
        }

        return await db.Patients.Include(patient => patient.Channels)
            .SingleOrDefaultAsync(patient => patient.Id == candidates[0] && patient.DeactivatedAt == null, cancellationToken);
    }
}
