namespace RelanceBot.Outbox;

public enum OutboxStatus
{
    /// <summary>Waiting for its due time or its next attempt.</summary>
    Pending,

    /// <summary>Claimed by a dispatcher until its lease ends; after a crash the lease expires and it is claimed again.</summary>
    Sending,
    Sent,

    /// <summary>Failed for good on this channel; the fallback, if any, is another message.</summary>
    Failed,
    Cancelled,

    /// <summary>A send guard said it no longer makes sense (invoice paid, reminders paused…).</summary>
    Skipped,
}
