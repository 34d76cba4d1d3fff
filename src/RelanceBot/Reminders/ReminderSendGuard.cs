using Microsoft.EntityFrameworkCore;
using RelanceBot.Outbox;
using RelanceBot.Persistence;

namespace RelanceBot.Reminders;

/// <summary>
/// Refuses a reminder whose invoice no longer wants one at the moment of sending: paid, cancelled, disputed, under a
/// plan or paused since the sweep enqueued it.
/// </summary>
public sealed class ReminderSendGuard(RelanceBotDbContext db, TimeProvider time) : IOutboxSendGuard
{
    public async Task<SendDecision> CheckAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Purpose is not (OutboxPurpose.Reminder or OutboxPurpose.FormalNotice) || message.InvoiceId is not { } invoiceId)
        {
            return SendDecision.Allow;
        }

        var invoice = await db.Invoices.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == invoiceId, cancellationToken);
        if (invoice is null)
        {
            return SendDecision.Skip("The invoice no longer exists.");
        }

        return invoice.AcceptsRemindersAt(time.GetUtcNow())
            ? SendDecision.Allow
            : SendDecision.Skip($"The invoice is {invoice.Status}{(invoice.RemindersPausedUntil is null ? "" : ", reminders paused")}: no reminder.");
    }
}
