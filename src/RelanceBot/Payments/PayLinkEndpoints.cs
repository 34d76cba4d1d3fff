using Microsoft.EntityFrameworkCore;
using RelanceBot.Conversations.Messages;
using RelanceBot.Invoices;
using RelanceBot.Patients;
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
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "session_id")] string? sessionId,
        HttpRequest request,
        RelanceBotDbContext db,
        PatientNoticeTexts texts,
        CancellationToken cancellationToken)
    {
        var invoice = sessionId is null ? null : await db.Set<PaymentLinkOpen>()
            .Where(open => open.CheckoutSessionId == sessionId)
            .Join(db.Set<PaymentLink>(), open => open.PaymentLinkId, link => link.Id, (open, link) => link.InvoiceId)
            .Join(db.Invoices, invoiceId => invoiceId, invoice => invoice.Id, (invoiceId, invoice) => invoice)
            .FirstOrDefaultAsync(cancellationToken);
        if (invoice is null)
        {
            // No patient to ask: the browser's language.
            return PayPages.Page(
                StatusCodes.Status404NotFound, texts, BotLanguages.FromLocale(request.GetTypedHeaders().AcceptLanguage.FirstOrDefault()?.Value.Value), "page-not-found");
        }

        var reader = await db.Patients.Where(patient => patient.Id == invoice.PatientId)
            .Select(patient => new { patient.Language, Practice = db.Practices.Where(practice => practice.Id == invoice.PracticeId).Select(practice => practice.Name).Single() })
            .SingleAsync(cancellationToken);
        var language = reader.Language == PatientLanguage.English ? BotLanguage.English : BotLanguage.French;
        return invoice.Status switch
        {
            InvoiceStatus.Paid => PayPages.Page(
                StatusCodes.Status200OK, texts, language, "page-paid", ("practice", reader.Practice), ("amount", TextFormat.For(language).Money(invoice.AmountPaidCents))),
            InvoiceStatus.UnderPlan or InvoiceStatus.PartiallyPaid => PayPages.Page(StatusCodes.Status200OK, texts, language, "page-received", ("practice", reader.Practice)),
            _ => PayPages.Page(StatusCodes.Status200OK, texts, language, "page-pending"),
        };
    }
}
