using Microsoft.EntityFrameworkCore;
using RelanceBot.Conversations.Messages;
using RelanceBot.Invoices;
using RelanceBot.Payments;
using RelanceBot.Persistence;
using RelanceBot.Plans;

namespace RelanceBot.PatientSpace;

/// <summary>Finds the patient space a link opens; anything but a well-formed, stored token finds nothing.</summary>
public sealed class PatientSpaces(RelanceBotDbContext db, PracticePlanTerms terms, TimeProvider time)
{
    public async Task<SpaceVisit?> FindAsync(string token, string? language, CancellationToken cancellationToken)
    {
        // 256 random bits, base64url: anything else is not worth a query.
        if (token.Length != PaymentLink.TokenLength || !token.All(IsBase64UrlCharacter)
            || await db.Set<PaymentLink>().SingleOrDefaultAsync(link => link.Token == token, cancellationToken) is not { } link)
        {
            return null;
        }

        var row = await db.Invoices.AsNoTracking()
            .Where(invoice => invoice.Id == link.InvoiceId)
            .Join(db.Patients, invoice => invoice.PatientId, patient => patient.Id, (invoice, patient) => new { invoice, patient })
            .Join(db.Practices, pair => pair.invoice.PracticeId, practice => practice.Id, (pair, practice) => new
            {
                Invoice = pair.invoice,
                pair.patient.FirstName,
                PatientLanguage = pair.patient.Language,
                practice.Name,
                practice.PractitionerName,
                practice.Phone,
                practice.TimeZoneId,
            })
            .SingleAsync(cancellationToken);
        var livePlan = await db.Set<InstallmentPlan>()
            .Where(plan => plan.InvoiceId == link.InvoiceId
                && (plan.Status == InstallmentPlanStatus.Requested || plan.Status == InstallmentPlanStatus.Approved || plan.Status == InstallmentPlanStatus.Active))
            .Select(plan => (InstallmentPlanStatus?)plan.Status)
            .FirstOrDefaultAsync(cancellationToken);
        var invoice = row.Invoice;
        return new SpaceVisit(
            link,
            invoice.PracticeId,
            row.Name,
            row.PractitionerName,
            row.Phone,
            row.TimeZoneId,
            invoice.PatientId,
            row.FirstName,
            invoice.ExternalReference,
            invoice.Status,
            invoice.AmountOutstandingCents,
            invoice.DueDate,
            livePlan,
            await terms.GetAsync(invoice.PracticeId, cancellationToken),
            PracticeTime.Today(row.TimeZoneId, time.GetUtcNow()),
            // The page's switch, else the language the practice gave for the patient.
            BotLanguages.FromLocale(language is "fr" or "en" ? language : row.PatientLanguage));
    }

    private static bool IsBase64UrlCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}
