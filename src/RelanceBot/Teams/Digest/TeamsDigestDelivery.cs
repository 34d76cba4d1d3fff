namespace RelanceBot.Teams.Digest;

/// <summary>A practice's daily digest for one local day, recorded once sent so each day is sent exactly once.</summary>
public sealed class TeamsDigestDelivery
{
    public Guid PracticeId { get; private set; }

    public DateOnly LocalDate { get; private set; }

    public DateTimeOffset SentAt { get; private set; }

    private TeamsDigestDelivery()
    {
    }

    public static TeamsDigestDelivery Sent(Guid practiceId, DateOnly localDate, DateTimeOffset now)
        => new() { PracticeId = practiceId, LocalDate = localDate, SentAt = now };
}
