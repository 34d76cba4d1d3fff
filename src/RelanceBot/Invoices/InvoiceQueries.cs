using Microsoft.EntityFrameworkCore;
using RelanceBot.Persistence;

namespace RelanceBot.Invoices;

public static class InvoiceQueries
{
    /// <summary>Finds a practice's invoice by its reference, looking among staged (unsaved) changes first.</summary>
    public static async Task<Invoice?> FindInvoiceAsync(
        this RelanceBotDbContext db, Guid practiceId, string externalReference, CancellationToken cancellationToken) =>
        db.Invoices.Local.FirstOrDefault(invoice =>
            invoice.PracticeId == practiceId && invoice.ExternalReference == externalReference)
        ?? await db.Invoices.FirstOrDefaultAsync(
            invoice => invoice.PracticeId == practiceId && invoice.ExternalReference == externalReference,
            cancellationToken);
}
