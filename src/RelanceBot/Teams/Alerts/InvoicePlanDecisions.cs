using RelanceBot.Alerts;
using RelanceBot.Persistence;

namespace RelanceBot.Teams.Alerts;

/// <summary>
/// Until the payments work's InstallmentPlan replaces it: an approved plan puts the invoice under plan (its own
/// reminders, no regular cadence); a rejected one leaves the invoice in the regular cadence.
/// </summary>
public sealed class InvoicePlanDecisions(RelanceBotDbContext db, TimeProvider time) : IInstallmentPlanDecisions
{
    public async Task ApproveAsync(StaffAlert alert, string approvedBy, CancellationToken cancellationToken)
    {
        if (alert.InvoiceId is { } invoiceId && await db.Invoices.FindAsync([invoiceId], cancellationToken) is { } invoice)
        {
            invoice.PlaceUnderPlan(time.GetUtcNow());
        }
    }

    public Task RejectAsync(StaffAlert alert, string rejectedBy, string? reason, CancellationToken cancellationToken) => Task.CompletedTask;
}
