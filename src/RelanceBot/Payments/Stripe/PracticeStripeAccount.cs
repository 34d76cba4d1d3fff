using RelanceBot.Auditing;

namespace RelanceBot.Payments.Stripe;

/// <summary>The practice's connected Stripe account (<c>acct_…</c>), used when payments go to each practice's own account.</summary>
public sealed class PracticeStripeAccount : IAuditable
{
    public Guid Id { get; private set; }

    public Guid PracticeId { get; private set; }

    public string AccountId { get; private set; } = "";

    public DateTimeOffset ConnectedAt { get; private set; }

    Guid? IAuditable.AuditPracticeId => PracticeId;

    private PracticeStripeAccount()
    {
    }

    public static bool IsAccountId(string? accountId) =>
        accountId is { Length: > 5 and <= 255 } && accountId.StartsWith("acct_", StringComparison.Ordinal) && accountId.All(character => char.IsAsciiLetterOrDigit(character) || character == '_');

    public static PracticeStripeAccount Connect(Guid practiceId, string accountId, DateTimeOffset now)
    {
        if (!IsAccountId(accountId))
        {
            throw new ArgumentException("A Stripe account id starts with 'acct_'.", nameof(accountId));
        }

        return new PracticeStripeAccount
        {
            Id = Guid.CreateVersion7(now),
            PracticeId = practiceId,
            AccountId = accountId,
            ConnectedAt = now,
        };
    }

    /// <summary>The practice moves its payments to another of its accounts.</summary>
    public void Reconnect(string accountId, DateTimeOffset now)
    {
        if (!IsAccountId(accountId))
        {
            throw new ArgumentException("A Stripe account id starts with 'acct_'.", nameof(accountId));
        }

        AccountId = accountId;
        ConnectedAt = now;
    }
}
