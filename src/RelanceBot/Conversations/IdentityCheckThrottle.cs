using RelanceBot.Persistence;

namespace RelanceBot.Conversations;

/// <summary>
/// Failed identity checks counted against one subject of one practice — a conversation, a surname, a patient — within
/// a window, so that opening new conversations gives no fresh tries at someone's date of birth. Enough failures lock
/// the subject for a while.
/// </summary>
public sealed class IdentityCheckThrottle : IConcurrencyVersioned
{
    public Guid Id { get; private set; }

    public Guid PracticeId { get; private set; }

    /// <summary><c>conversation:{id}</c>, <c>surname:{SHA-256 of the normalised name}</c> or <c>patient:{id}</c>.</summary>
    public string Subject { get; private set; } = "";

    public int FailedAttempts { get; private set; }

    /// <summary>When the first failure of the current series happened; the series ends a window later.</summary>
    public DateTimeOffset WindowStartedAt { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public Guid Version { get; private set; }

    private IdentityCheckThrottle()
    {
    }

    public static IdentityCheckThrottle Start(Guid practiceId, string subject, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        return new IdentityCheckThrottle
        {
            Id = Guid.CreateVersion7(now),
            PracticeId = practiceId,
            Subject = subject,
            WindowStartedAt = now,
        };
    }

    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;

    /// <summary>Counts a failure; returns true when this very failure locks the subject.</summary>
    public bool Fail(int maxAttempts, TimeSpan window, TimeSpan lockDuration, DateTimeOffset now)
    {
        if (LockedUntil is { } until ? until <= now : now - WindowStartedAt >= window)
        {
            // The lock is over, or the failures are too old to count: a fresh series.
            FailedAttempts = 0;
            LockedUntil = null;
            WindowStartedAt = now;
        }

        FailedAttempts++;
        if (FailedAttempts < maxAttempts || LockedUntil is not null)
        {
            return false;
        }

        LockedUntil = now + lockDuration;
        return true;
    }

    /// <summary>The subject proved who they are: their own earlier slips no longer count.</summary>
    public void Pass()
    {
        FailedAttempts = 0;
        LockedUntil = null;
    }
}
