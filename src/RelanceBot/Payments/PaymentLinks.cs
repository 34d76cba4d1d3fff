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
        // Issued in this unit of work and not saved yet, then stored: one query for the lot (one array parameter).
        var links = db.Set<PaymentLink>().Local.Where(link => invoiceIds.Contains(link.InvoiceId))
            .ToDictionary(link => link.InvoiceId, link => link.Token);
        var toLoad = invoiceIds.Where(id => !links.ContainsKey(id)).Distinct().ToList();
        if (toLoad.Count > 0)
        {
            var stored = await db.Set<PaymentLink>().AsNoTracking()
                .Where(link => EF.Parameter(toLoad).Contains(link.InvoiceId))
                .Select(link => new { link.InvoiceId, link.Token })
                .ToListAsync(cancellationToken);
            foreach (var link in stored)
            {
                links[link.InvoiceId] = link.Token;
            }
        }

        // Invoices from before links were issued at intake get theirs now.
        var toIssue = toLoad.Where(id => !links.ContainsKey(id)).ToList();
        if (toIssue.Count > 0)
        {
            var practices = await db.Invoices.AsNoTracking()
                .Where(invoice => EF.Parameter(toIssue).Contains(invoice.Id))
                .ToDictionaryAsync(invoice => invoice.Id, invoice => invoice.PracticeId, cancellationToken);
            var now = time.GetUtcNow();
            foreach (var invoiceId in toIssue)
            {
                var practiceId = practices.TryGetValue(invoiceId, out var practice)
                    ? practice
                    : throw new InvalidOperationException($"Invoice {invoiceId} does not exist.");
                // Joins the caller's unit of work: the link is saved with whatever message carries it.
                links[invoiceId] = db.Set<PaymentLink>().Add(PaymentLink.Issue(practiceId, invoiceId, now)).Entity.Token;
            }
        }

        // Tokens are base64url: appended to the links' root as they are, without parsing a URI for each.
        var root = new Uri(options.Value.PublicBaseUrl, "/p/").AbsoluteUri;
        return links.ToDictionary(pair => pair.Key, pair => root + pair.Value);
    }
}
