namespace RelanceBot.Payments;

/// <summary>The stable pay link a reminder carries (<c>/p/{token}</c> on the bot's own host), one per invoice.</summary>
public interface IPaymentLinks
{
    Task<string> GetLinkAsync(Guid invoiceId, CancellationToken cancellationToken);
}
