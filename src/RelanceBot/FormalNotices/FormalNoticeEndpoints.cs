using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RelanceBot.Documents;
using RelanceBot.Intake;
using RelanceBot.Persistence;
using RelanceBot.Practices;

namespace RelanceBot.FormalNotices;

/// <summary>The mise en demeure letter for staff: by API key, and by the signed link of the Teams card.</summary>
public static class FormalNoticeEndpoints
{
    public static RouteGroupBuilder MapFormalNotices(this RouteGroupBuilder api)
    {
        api.MapGet("/invoices/{externalReference}/formal-notice.pdf", DownloadAsync)
            .WithTags("Invoices")
            .WithName("GetFormalNoticeLetter")
            .WithSummary("Download the invoice's mise en demeure letter (PDF)")
            .WithDescription("The letter exactly as it was sent to the patient, to send by registered post (LRAR). 404 before any "
                + "mise en demeure was approved and written, or for another practice's invoice.")
            .Produces(StatusCodes.Status200OK, contentType: StoredDocument.PdfContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    public static IEndpointRouteBuilder MapFormalNoticeStaffLinks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(FormalNoticeStaffLinks.PathPrefix + "{token}", DownloadByLinkAsync).ExcludeFromDescription().AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(
        ReferenceRouteValue externalReference, ClaimsPrincipal user, RelanceBotDbContext db, CancellationToken cancellationToken)
    {
        var practiceId = user.GetPracticeId();
        var invoiceId = await db.Invoices
            .Where(invoice => invoice.PracticeId == practiceId && invoice.ExternalReference == externalReference.Value)
            .Select(invoice => (Guid?)invoice.Id)
            .SingleOrDefaultAsync(cancellationToken);
        return invoiceId is { } id && await LatestLetterAsync(db, practiceId, id, cancellationToken) is { } document
            ? Pdf(document)
            : UpsertHttpResults.NotFound("mise en demeure letter for the invoice", externalReference.Value);
    }

    private static async Task<IResult> DownloadByLinkAsync(
        string token, FormalNoticeStaffLinks links, RelanceBotDbContext db, CancellationToken cancellationToken)
    {
        return links.Read(token) is { } named && await LatestLetterAsync(db, named.PracticeId, named.InvoiceId, cancellationToken) is { } document
            ? Pdf(document)
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "This link is not valid, or has expired.");
    }

    private static Task<StoredDocument?> LatestLetterAsync(RelanceBotDbContext db, Guid practiceId, Guid invoiceId, CancellationToken cancellationToken) =>
        db.Set<FormalNotice>().AsNoTracking()
            .Where(notice => notice.PracticeId == practiceId && notice.InvoiceId == invoiceId)
            .OrderByDescending(notice => notice.IssuedAt)
            .Join(db.Set<StoredDocument>().AsNoTracking(), notice => notice.DocumentId, document => document.Id, (_, document) => document)
            .FirstOrDefaultAsync(cancellationToken);

    private static IResult Pdf(StoredDocument document) => Results.File(document.Content, document.ContentType, document.FileName);
}
