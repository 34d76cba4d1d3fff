namespace RelanceBot.Teams.Digest;

/// <summary>
/// How many reminders a practice's patients were sent in a period: the reminder cadence's figure, read by the digest.
/// Null means reminders are not tracked (yet).
/// </summary>
public interface IRemindersSentCounter
{
    Task<int?> CountAsync(Guid practiceId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
