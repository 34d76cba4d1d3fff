using Microsoft.EntityFrameworkCore;
using RelanceBot.Outbox;
using RelanceBot.Patients;
using RelanceBot.Persistence;

namespace RelanceBot.Reminders;

/// <summary>
/// Writes the outbox's outcome back onto the step a reminder carries out: delivered (when, and on the channel that
/// carried it, a fallback's included), or never left (every channel failed, or a send guard stopped it). Then wakes
/// the invoice, whose next step was waiting for that outcome. A few set-based queries per dispatcher batch.
/// </summary>
internal sealed class ReminderDeliveryRecorder(RelanceBotDbContext db, TimeProvider time) : IOutboxOutcomeObserver
{
    public async Task RecordAsync(IReadOnlyList<OutboxMessage> settled, CancellationToken cancellationToken)
    {
        var outcomes = settled
            .Where(message => message.Purpose is OutboxPurpose.Reminder or OutboxPurpose.FormalNotice
                && message.Status is OutboxStatus.Sent or OutboxStatus.Skipped or OutboxStatus.Failed)
            .ToList();
        if (outcomes.Count == 0)
        {
            return;
        }

        var byRun = await ByStepRunAsync(outcomes, cancellationToken);
        if (byRun.Count == 0)
        {
            return;
        }

        var runIds = byRun.Keys.ToList();
        var runs = await db.Set<ReminderStepRun>().Where(run => runIds.Contains(run.Id)).ToListAsync(cancellationToken);
        var channelIds = byRun.Values.Where(message => message.Status == OutboxStatus.Sent && message.PatientChannelId is not null)
            .Select(message => message.PatientChannelId!.Value).Distinct().ToList();
        var kinds = await db.PatientChannels.AsNoTracking().Where(channel => channelIds.Contains(channel.Id))
            .ToDictionaryAsync(channel => channel.Id, channel => channel.Kind, cancellationToken);

        var now = time.GetUtcNow();
        var changed = new List<Guid>();
        foreach (var run in runs)
        {
            var message = byRun[run.Id];
            var before = run.Outcome;
            switch (message.Status)
            {
                case OutboxStatus.Sent:
                    run.MarkDelivered(KindOf(message, kinds), message.SentAt ?? now);
                    break;
                case OutboxStatus.Skipped:
                case OutboxStatus.Failed when !FallbackQueued(message):
                    run.MarkUndelivered(message.LastError ?? message.Status.ToString(), now);
                    break;
            }

            if (run.Outcome != before)
            {
                changed.Add(run.InvoiceId);
            }
        }

        if (changed.Count > 0)
        {
            var schedules = await db.Set<ReminderSchedule>().Where(schedule => changed.Contains(schedule.InvoiceId)).ToListAsync(cancellationToken);
            foreach (var schedule in schedules)
            {
                schedule.WakeAt(now);
            }
        }
    }

    /// <summary>The step run each message carries out; a fallback carries its original's.</summary>
    private async Task<Dictionary<Guid, OutboxMessage>> ByStepRunAsync(List<OutboxMessage> outcomes, CancellationToken cancellationToken)
    {
        var originalIds = outcomes.Where(message => message.OriginalMessageId is not null)
            .Select(message => message.OriginalMessageId!.Value).Distinct().ToList();
        var originalKeys = originalIds.Count == 0
            ? []
            : await db.OutboxMessages.AsNoTracking().Where(message => originalIds.Contains(message.Id))
                .ToDictionaryAsync(message => message.Id, message => message.IdempotencyKey, cancellationToken);
        var byRun = new Dictionary<Guid, OutboxMessage>();
        foreach (var message in outcomes)
        {
            var key = message.OriginalMessageId is { } originalId ? originalKeys.GetValueOrDefault(originalId) : message.IdempotencyKey;
            if (key is not null && ReminderMessageKey.TryReadStepRunId(key, out var runId))
            {
                byRun[runId] = message;
            }
        }

        return byRun;
    }

    /// <summary>Whether the fallback of this batch queued the message again on another channel.</summary>
    private bool FallbackQueued(OutboxMessage failed)
    {
        var originalId = failed.OriginalMessageId ?? failed.Id;
        return db.OutboxMessages.Local.Any(message => message.OriginalMessageId == originalId && message.Status == OutboxStatus.Pending);
    }

    private static ChannelKind KindOf(OutboxMessage message, Dictionary<Guid, ChannelKind> kinds) =>
        message.PatientChannelId is { } channelId && kinds.TryGetValue(channelId, out var kind) ? kind
        : message.Channel == DeliveryChannel.Email ? ChannelKind.Email
        : ChannelKind.Chat;
}
