using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RelanceBot.Persistence;

namespace RelanceBot.Payments;

/// <summary>Issues each invoice's pay link once and hands the same URL out every time after.</summary>
public sealed class PaymentLinks(RelanceBotDbContext db, IOptions<PaymentsOptions> options, TimeProvider time) : IPaymentLinks
{
    public async Task<string> GetLinkAsync(Guid invoiceId, CancellationToken cancellationToken)
    {
        var link = await FindOrIssueAsync(invoiceId, cancellationToken);
        return new Uri(options.Value.PublicBaseUrl, $"/p/{link.Token}").AbsoluteUri;
    }

    private async Task<PaymentLink> FindOrIssueAsync(Guid invoiceId, CancellationToken cancellationToken)
    {
        var existing = db.Set<PaymentLink>().Local.SingleOrDefault(link => link.InvoiceId == invoiceId)
            ?? await db.Set<PaymentLink>().SingleOrDefaultAsync(link => link.InvoiceId == invoiceId, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var practiceId = await db.Invoices
            .Where(invoice => invoice.Id == invoiceId)
            .Select(invoice => (Guid?)invoice.PracticeId)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException($"Invoice {invoiceId} does not exist.");
        // Joins the caller's unit of work: the link is saved with whatever message carries it.
        return db.Set<PaymentLink>().Add(PaymentLink.Issue(practiceId, invoiceId, time.GetUtcNow())).Entity;
    }
}
