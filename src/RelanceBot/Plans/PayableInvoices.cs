using Microsoft.EntityFrameworkCore;
using RelanceBot.Invoices;
using RelanceBot.Persistence;
using RelanceBot.Practices;

namespace RelanceBot.Plans;

/// <summary>The checks plans and deferrals share: the invoice is still owed, with no plan speaking for it.</summary>
internal static class PayableInvoices
{
    public static async Task<(Invoice? Invoice, Practice? Practice, PlanRequestRefusal? Refusal)> FindAsync(
        RelanceBotDbContext db, Guid invoiceId, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.SingleOrDefaultAsync(invoice => invoice.Id == invoiceId, cancellationToken);
        if (invoice is null)
        {
            return (null, null, PlanRequestRefusal.InvoiceNotFound);
        }

        if (invoice.Status is not (InvoiceStatus.Open or InvoiceStatus.PartiallyPaid))
        {
            return (invoice, null, PlanRequestRefusal.InvoiceNotPayable);
        }

        if (await db.Set<InstallmentPlan>().AnyAsync(
                plan => plan.InvoiceId == invoiceId
                    && (plan.Status == InstallmentPlanStatus.Requested
                        || plan.Status == InstallmentPlanStatus.Approved
                        || plan.Status == InstallmentPlanStatus.Active),
                cancellationToken))
        {
            return (invoice, null, PlanRequestRefusal.PlanAlreadyRequested);
        }

        var practice = await db.Practices.SingleAsync(practice => practice.Id == invoice.PracticeId, cancellationToken);
        return (invoice, practice, null);
    }

    public static bool IsWithinHorizon(DateOnly date, DateOnly today, int maxDays) =>
        date >= today && date <= today.AddDays(maxDays);
}
