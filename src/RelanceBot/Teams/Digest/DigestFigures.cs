namespace RelanceBot.Teams.Digest;

/// <summary>What a practice's daily digest says. Amounts in cents.</summary>
public sealed record DigestFigures(
    DateOnly LocalDate,
    long RecoveredYesterdayCents,
    long Due0To30Cents,
    long Due31To60Cents,
    long Due61To90Cents,
    long DueOver90Cents,
    int RemindersSentYesterday,
    int AwaitingAction)
{
    public long OpenBalanceCents => Due0To30Cents + Due31To60Cents + Due61To90Cents + DueOver90Cents;
}
