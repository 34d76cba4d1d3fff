using Microsoft.EntityFrameworkCore;
using RelanceBot.Invoices;
using RelanceBot.Payments;
using RelanceBot.Persistence;

namespace RelanceBot.Plans;

/// <summary>On the day a patient chose to pay, sends them the pay link (once).</summary>
public sealed class DeferredPaymentLinks(RelanceBotDbContext db, IPatientNotifier notifier, IPaymentLinks links, TimeProvider time)
{
    public async Task SendDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // Time zones are at most a day apart: narrow in SQL, decide per practice below.
        var horizon = DateOnly.FromDateTime(now.UtcDateTime).AddDays(1);
        var candidates = await db.Set<PaymentDeferral>()
            .Where(deferral => deferral.LinkSentAt == null && deferral.PayOn <= horizon)
            .Join(db.Invoices, deferral => deferral.InvoiceId, invoice => invoice.Id, (deferral, invoice) => new { deferral, invoice })
            .Join(db.Practices, pair => pair.invoice.PracticeId, practice => practice.Id, (pair, practice) => new { pair.deferral, pair.invoice, practice.TimeZoneId })
            .ToListAsync(cancellationToken);
        foreach (var candidate in candidates.Where(candidate => candidate.deferral.PayOn <= PracticeTime.Today(candidate.TimeZoneId, now)))
        {
            var (deferral, invoice) = (candidate.deferral, candidate.invoice);
            if (invoice.Status is InvoiceStatus.Open or InvoiceStatus.PartiallyPaid)
            {
                notifier.Notify(new PatientNotice(
                    invoice.PracticeId, invoice.PatientId, invoice.Id, PatientNoticeKind.DeferredPaymentDue,
                    await links.GetLinkAsync(invoice.Id, cancellationToken), invoice.AmountOutstandingCents));
            }

            // Paid or settled otherwise in the meantime: nothing to send, but the promise is closed all the same.
            deferral.MarkLinkSent(now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
