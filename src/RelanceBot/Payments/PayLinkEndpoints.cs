using Microsoft.EntityFrameworkCore;
using RelanceBot.Invoices;
using RelanceBot.Persistence;

namespace RelanceBot.Payments;

/// <summary>
/// <c>GET /p/done</c> is where Checkout sends the patient back (cosmetic: webhooks do the bookkeeping). The link itself,
/// <c>/p/{token}</c>, is the patient space (<see cref="PatientSpace.PatientSpaceEndpoints"/>), whose "pay now" goes
/// through <see cref="StartCheckout"/>.
/// </summary>
public static class PayLinkEndpoints
{
    public static IEndpointRouteBuilder MapPayLinks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/p/done", DoneAsync).ExcludeFromDescription().AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> DoneAsync(
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "session_id")] string? sessionId, RelanceBotDbContext db, CancellationToken cancellationToken)
    {
        var invoice = sessionId is null ? null : await db.Set<PaymentLinkOpen>()
            .Where(open => open.CheckoutSessionId == sessionId)
            .Join(db.Set<PaymentLink>(), open => open.PaymentLinkId, link => link.Id, (open, link) => link.InvoiceId)
            .Join(db.Invoices, invoiceId => invoiceId, invoice => invoice.Id, (invoiceId, invoice) => invoice)
            .FirstOrDefaultAsync(cancellationToken);
        if (invoice is null)
        {
            return PayPages.NotFound();
        }

        var practiceName = await db.Practices.Where(practice => practice.Id == invoice.PracticeId).Select(practice => practice.Name).SingleAsync(cancellationToken);
        return invoice.Status switch
        {
            InvoiceStatus.Paid => PayPages.Paid(practiceName, invoice.AmountPaidCents),
            InvoiceStatus.UnderPlan or InvoiceStatus.PartiallyPaid => PayPages.Received(practiceName),
            _ => PayPages.Pending(),
        };
    }
}
