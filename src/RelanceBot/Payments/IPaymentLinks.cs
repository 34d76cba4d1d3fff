namespace RelanceBot.Payments;

/// <summary>The stable pay link a reminder carries (<c>/p/{token}</c> on the bot's own host), one per invoice.</summary>
public interface IPaymentLinks
{
    Task<string> GetLinkAsync(Guid invoiceId, CancellationToken cancellationToken);

    /// <summary>
    /// The links of many invoices at once (the reminder sweep asks for thousands), keyed by invoice id: one entry per
    /// distinct id, the same link <see cref="GetLinkAsync"/> gives.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, string>> GetLinksAsync(IReadOnlyCollection<Guid> invoiceIds, CancellationToken cancellationToken);
}
