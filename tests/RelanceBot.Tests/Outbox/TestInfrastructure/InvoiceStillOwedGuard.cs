using Microsoft.EntityFrameworkCore;
using RelanceBot.Outbox;
using RelanceBot.Persistence;

namespace RelanceBot.Tests.Outbox.TestInfrastructure;

/// <summary>The kind of guard the cadence registers: a reminder for an invoice no longer owed is not sent.</summary>
public sealed class InvoiceStillOwedGuard(RelanceBotDbContext db, TimeProvider time) : IOutboxSendGuard
{
    public async Task<SendDecision> CheckAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (message.Purpose != OutboxPurpose.Reminder || message.InvoiceId is not { } invoiceId)
        {
            return SendDecision.Allow;
        }

        var invoice = await db.Invoices.AsNoTracking().SingleAsync(candidate => candidate.Id == invoiceId, cancellationToken);
        return invoice.AcceptsRemindersAt(time.GetUtcNow()) ? SendDecision.Allow : SendDecision.Skip($"invoice {invoice.Status}");
    }
}
