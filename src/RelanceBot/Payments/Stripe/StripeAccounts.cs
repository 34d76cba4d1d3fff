using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RelanceBot.Persistence;

namespace RelanceBot.Payments.Stripe;

/// <summary>Which Stripe account a practice's payments live on: the platform's (null), or the practice's own.</summary>
public sealed class StripeAccounts(RelanceBotDbContext db, IOptions<PaymentsOptions> options)
{
    /// <exception cref="PracticeNotConnectedException">Per-practice accounts, and this practice has none.</exception>
    public async Task<string?> ForPracticeAsync(Guid practiceId, CancellationToken cancellationToken)
    {
        if (options.Value.Stripe.AccountMode == StripeAccountMode.Platform)
        {
            return null;
        }

        return await db.Set<PracticeStripeAccount>()
                .Where(account => account.PracticeId == practiceId)
                .Select(account => account.AccountId)
                .SingleOrDefaultAsync(cancellationToken)
            ?? throw new PracticeNotConnectedException(practiceId);
    }

    /// <summary>Whether an event from <paramref name="eventAccount"/> may touch this practice's invoices.</summary>
    public async Task<bool> OwnsAsync(Guid practiceId, string? eventAccount, CancellationToken cancellationToken)
    {
        try
        {
            return await ForPracticeAsync(practiceId, cancellationToken) == eventAccount;
        }
        catch (PracticeNotConnectedException)
        {
            return false;
        }
    }
}
