using Microsoft.EntityFrameworkCore;
using RelanceBot.Alerts;
using RelanceBot.Patients;
using RelanceBot.Persistence;

namespace RelanceBot.PatientRequests;

/// <summary>
/// "Stop" (chat or patient space): opts out one channel or every channel of the patient, with their words and the
/// time, and tells staff (<see cref="StaffAlertKind.OptOut"/>). Staged in the caller's unit of work.
/// </summary>
public sealed class StopMessages(RelanceBotDbContext db, StaffAlerts alerts, TimeProvider time)
{
    /// <summary>Returns the channels now opted out by this request (none when a chat conversation has no channel).</summary>
    public async Task<IReadOnlyList<PatientChannel>> StageAsync(
        Guid practiceId, Guid patientId, StopScope scope, string patientWords, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(patientWords);
        var (everything, channelId, conversationId) = (scope.IsEverything, scope.ChannelId, scope.ConversationReferenceId);
        var channels = await db.PatientChannels
            .Where(channel => channel.PatientId == patientId
                && (everything
                    || channel.Id == channelId
                    || (conversationId != null && channel.ConversationReferenceId == conversationId)))
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var channel in channels)
        {
            channel.OptOut($"Demande du patient : « {patientWords} »", now);
        }

        var texts = await alerts.TextsForAsync(practiceId, cancellationToken);
        alerts.Raise(new NewStaffAlert(
            practiceId,
            StaffAlertKind.OptOut,
            scope.IsEverything
                ? texts.Say("opt-out-everything")
                : texts.Say("opt-out-channel", ("channel", texts.Say($"channel-{channels.FirstOrDefault()?.Kind ?? ChannelKind.Chat}"))),
            patientId,
            PatientWords: patientWords));
        return channels;
    }

    /// <summary>Whether the patient has a channel outside <paramref name="scope"/> that is not opted out.</summary>
    public Task<bool> HasOpenChannelsBesidesAsync(Guid patientId, StopScope scope, CancellationToken cancellationToken) =>
        db.PatientChannels.AnyAsync(
            channel => channel.PatientId == patientId
                && channel.OptedOutAt == null
                && channel.Id != scope.ChannelId
                && (scope.ConversationReferenceId == null || channel.ConversationReferenceId != scope.ConversationReferenceId),
            cancellationToken);
}

/// <summary>What a stop covers: the chat conversation it was said in, one channel, or everything.</summary>
public sealed record StopScope(Guid? ConversationReferenceId, Guid? ChannelId)
{
    public static StopScope Everything { get; } = new(null, null);

    public bool IsEverything => ConversationReferenceId is null && ChannelId is null;

    public static StopScope Conversation(Guid conversationReferenceId) => new(conversationReferenceId, null);

    public static StopScope Channel(Guid channelId) => new(null, channelId);
}
