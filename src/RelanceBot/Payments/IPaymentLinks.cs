namespace RelanceBot.Payments;

/// <summary>The stable pay link a reminder carries (<c>/p/{token}</c> on the bot's own host), one per invoice.</summary>
public interface IPaymentLinks
{
    Task<string> GetLinkAsync(Guid invoiceId, CancellationToken cancellationToken);

    /// <summary>
    /// The links of many invoices at once, keyed by invoice id, one entry for each distinct id asked for; the same
    /// link <see cref="GetLinkAsync"/> gives. An implementation backed by a table should override this default with
    /// one query per batch: the reminder sweep asks for thousands of links at a time.
    /// </summary>
    async Task<IReadOnlyDictionary<Guid, string>> GetLinksAsync(IReadOnlyCollection<Guid> invoiceIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoiceIds);
        var links = new Dictionary<Guid, string>(invoiceIds.Count);
        foreach (var invoiceId in invoiceIds.Distinct())
        {
            links[invoiceId] = await GetLinkAsync(invoiceId, cancellationToken);
        }

        return links;
    }
}
