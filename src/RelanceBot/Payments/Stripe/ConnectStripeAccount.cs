using Microsoft.EntityFrameworkCore;
using RelanceBot.Persistence;

namespace RelanceBot.Payments.Stripe;

/// <summary>
/// Records the practice's own Stripe account (<c>acct_…</c>), which <see cref="StripeAccountMode.ConnectedAccountPerPractice"/>
/// charges on; connecting again replaces it. One account belongs to one practice.
/// </summary>
public sealed class ConnectStripeAccount(RelanceBotDbContext db, TimeProvider timeProvider)
{
    public async Task<ConnectStripeAccountResult> HandleAsync(Guid practiceId, string accountId, CancellationToken cancellationToken)
    {
        if (!PracticeStripeAccount.IsAccountId(accountId))
        {
            return ConnectStripeAccountResult.NotAnAccountId;
        }

        if (!await db.Practices.AnyAsync(practice => practice.Id == practiceId, cancellationToken))
        {
            return ConnectStripeAccountResult.UnknownPractice;
        }

        var accounts = db.Set<PracticeStripeAccount>();
        if (await accounts.AnyAsync(account => account.AccountId == accountId && account.PracticeId != practiceId, cancellationToken))
        {
            return ConnectStripeAccountResult.AnotherPracticesAccount;
        }

        var now = timeProvider.GetUtcNow();
        var current = await accounts.SingleOrDefaultAsync(account => account.PracticeId == practiceId, cancellationToken);
        if (current is null)
        {
            accounts.Add(PracticeStripeAccount.Connect(practiceId, accountId, now));
        }
        else
        {
            current.Reconnect(accountId, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return ConnectStripeAccountResult.Connected;
    }
}

public enum ConnectStripeAccountResult
{
    Connected,
    NotAnAccountId,
    UnknownPractice,
    AnotherPracticesAccount,
}
