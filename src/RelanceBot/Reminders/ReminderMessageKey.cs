namespace RelanceBot.Reminders;

/// <summary>
/// The outbox idempotency key of a reminder, <c>reminder:{claim id}:{step}</c>: one message per claim, and the way
/// back from a message's outcome to the step it carries out.
/// </summary>
public static class ReminderMessageKey
{
    private const string Prefix = "reminder:";

    public static string For(Guid stepRunId, string stepName) => $"{Prefix}{stepRunId}:{stepName}";

    public static bool TryReadStepRunId(string idempotencyKey, out Guid stepRunId)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        stepRunId = Guid.Empty;
        var end = idempotencyKey.IndexOf(':', Prefix.Length);
        return idempotencyKey.StartsWith(Prefix, StringComparison.Ordinal) && end > 0
            && Guid.TryParse(idempotencyKey.AsSpan(Prefix.Length, end - Prefix.Length), out stepRunId);
    }
}
