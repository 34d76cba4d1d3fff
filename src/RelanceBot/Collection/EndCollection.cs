using Microsoft.EntityFrameworkCore;
using RelanceBot.Alerts;
using RelanceBot.Invoices;
using RelanceBot.Persistence;

namespace RelanceBot.Collection;

/// <summary>
/// Staff record what the collection service did with a handed-over invoice: recovered the debt, or gave the file back.
/// A returned invoice is not chased again by the bot (its patient was told the file left for collection); the practice
/// decides what comes next. The open <see cref="StaffAlertKind.CollectionInProgress"/> alert is closed with it.
/// </summary>
public sealed class EndCollection(RelanceBotDbContext db)
{
    /// <returns>False, changing nothing, when the invoice is not with a collection service.</returns>
    public async Task<bool> StageAsync(
        Invoice invoice, bool recovered, string handledBy, string? resolution, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!invoice.EndCollection(recovered, now))
        {
            return false;
        }

        var open = await db.StaffAlerts.Where(alert => alert.InvoiceId == invoice.Id
                && alert.Kind == StaffAlertKind.CollectionInProgress && alert.Status == StaffAlertStatus.Open)
            .ToListAsync(cancellationToken);
        foreach (var alert in open)
        {
            alert.Resolve(StaffAlertStatus.Closed, handledBy, resolution, now);
        }

        return true;
    }
}
