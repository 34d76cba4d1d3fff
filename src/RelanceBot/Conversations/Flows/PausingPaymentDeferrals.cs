using Microsoft.EntityFrameworkCore;
using System.Globalization;
using RelanceBot.Practices;
using RelanceBot.Persistence;

namespace RelanceBot.Conversations.Flows;

/// <summary>Interim deferrals: reminders on the invoices wait until the day after the promised date.</summary>
public sealed class PausingPaymentDeferrals(PatientFiles files, RelanceBotDbContext db) : IPaymentDeferrals
{
    private const int MaxReasonLength = 200;

    public async Task DeferAsync(PaymentDeferral deferral, CancellationToken cancellationToken)
    {
        var zoneId = await db.Practices.Where(practice => practice.Id == deferral.PracticeId)
            .Select(practice => practice.TimeZoneId).SingleOrDefaultAsync(cancellationToken) ?? Practice.DefaultTimeZoneId;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var dayAfter = deferral.PromisedDate.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var until = new DateTimeOffset(dayAfter, zone.GetUtcOffset(dayAfter));
        var reason = $"Paiement promis le {deferral.PromisedDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} : « {deferral.PatientWords} »";
        foreach (var invoice in await files.TrackOpenInvoicesAsync(deferral.PatientId, deferral.InvoiceIds, cancellationToken))
        {
            invoice.PauseReminders(until, reason.Length <= MaxReasonLength ? reason : reason[..(MaxReasonLength - 1)] + "…", deferral.AgreedAt);
        }
    }
}
