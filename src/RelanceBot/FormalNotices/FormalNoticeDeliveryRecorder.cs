using Microsoft.EntityFrameworkCore;
using RelanceBot.Outbox;
using RelanceBot.Patients;
using RelanceBot.Persistence;

namespace RelanceBot.FormalNotices;

/// <summary>
/// Keeps on the notice record when its letter reached the patient: the e-mail carrying it was delivered (a fallback
/// to SMS or chat does not carry the letter, so it does not count).
/// </summary>
internal sealed class FormalNoticeDeliveryRecorder(RelanceBotDbContext db) : IOutboxOutcomeObserver
{
    public async Task RecordAsync(IReadOnlyList<OutboxMessage> settled, CancellationToken cancellationToken)
    {
        var delivered = settled
            .Where(message => message.Purpose == OutboxPurpose.FormalNotice && message.Status == OutboxStatus.Sent
                && message.Channel == DeliveryChannel.Email && message.Content.AttachmentIds.Count > 0)
            .ToList();
        if (delivered.Count == 0)
        {
            return;
        }

        var documentIds = delivered.SelectMany(message => message.Content.AttachmentIds).Distinct().ToList();
        var notices = await db.Set<FormalNotice>().Where(notice => documentIds.Contains(notice.DocumentId)).ToListAsync(cancellationToken);
        foreach (var notice in notices)
        {
            var message = delivered.First(candidate => candidate.Content.AttachmentIds.Contains(notice.DocumentId));
            notice.MarkSent(ChannelKind.Email, message.SentAt ?? throw new InvalidOperationException("A sent message has no sending time."));
        }
    }
}
