namespace RelanceBot.Teams.Digest;

/// <summary>What a practice's daily digest says. Amounts in cents.</summary>
/// <param name="RemindersSentYesterday">Reminder steps delivered yesterday (the delivery record), and installment reminders sent.</param>
/// <param name="RemindersUndeliveredYesterday">Reminder steps whose message never left, recorded yesterday.</param>
/// <param name="NearingLimitation">Debts still owed that reach their two-year limitation within 60 days.</param>
public sealed record DigestFigures(
    DateOnly LocalDate,
    long RecoveredYesterdayCents,
    long Due0To30Cents,
    long Due31To60Cents,
    long Due61To90Cents,
    long DueOver90Cents,
    int RemindersSentYesterday,
    int AwaitingAction,
    int RemindersUndeliveredYesterday,
    int NearingLimitation)
{
    public long OpenBalanceCents => Due0To30Cents + Due31To60Cents + Due61To90Cents + DueOver90Cents;
}
