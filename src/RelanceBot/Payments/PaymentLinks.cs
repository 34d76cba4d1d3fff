using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RelanceBot.Persistence;

namespace RelanceBot.Payments;

/// <summary>Issues each invoice's pay link once and hands the same URL out every time after.</summary>
public sealed class PaymentLinks(RelanceBotDbContext db, IOptions<PaymentsOptions> options, TimeProvider time) : IPaymentLinks
{
    public async Task<string> GetLinkAsync(Guid invoiceId, CancellationToken cancellationToken)
        => (await GetLinksAsync([invoiceId], cancellationToken))[invoiceId];

    public async Task<IReadOnlyDictionary<Guid, string>> GetLinksAsync(
        IReadOnlyCollection<Guid> invoiceIds, CancellationToken cancellationToken)
    {
        var wanted = invoiceIds.ToHashSet();
        var links = db.Set<PaymentLink>().Local.Where(link => wanted.Contains(link.InvoiceId)).ToDictionary(link => link.InvoiceId);
        var toLoad = wanted.Where(id => !links.ContainsKey(id)).ToList();
        if (toLoad.Count > 0)
        {
            foreach (var stored in await db.Set<PaymentLink>().Where(link => toLoad.Contains(link.InvoiceId)).ToListAsync(cancellationToken))
            {
                links[stored.InvoiceId] = stored;
            }
        }

        var toIssue = wanted.Where(id => !links.ContainsKey(id)).ToList();
        if (toIssue.Count > 0)
        {
            var practices = await db.Invoices
                .Where(invoice => toIssue.Contains(invoice.Id))
                .ToDictionaryAsync(invoice => invoice.Id, invoice => invoice.PracticeId, cancellationToken);
            var now = time.GetUtcNow();
            foreach (var invoiceId in toIssue)
            {
                var practiceId = practices.TryGetValue(invoiceId, out var practice)
                    ? practice
                    : throw new InvalidOperationException($"Invoice {invoiceId} does not exist.");
                // Joins the caller's unit of work: the link is saved with whatever message carries it.
                links[invoiceId] = db.Set<PaymentLink>().Add(PaymentLink.Issue(practiceId, invoiceId, now)).Entity;
            }
        }

        return links.ToDictionary(pair => pair.Key, pair => new Uri(options.Value.PublicBaseUrl, $"/p/{pair.Value.Token}").AbsoluteUri);
    }
}
