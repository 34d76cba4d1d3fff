using RelanceBot.Alerts;
using RelanceBot.Documents;
using RelanceBot.Invoices;
using RelanceBot.Patients;
using RelanceBot.Persistence;
using RelanceBot.Practices;

namespace RelanceBot.FormalNotices;

/// <summary>
/// Writes an approved mise en demeure as a letter and keeps it, in the caller's unit of work: the document once (the
/// e-mail carrying it only names it), the invoice's notice record, and what staff must be told (with the letter to
/// download for registered post).
/// </summary>
public sealed class FormalNoticeIssuer(RelanceBotDbContext db, FormalNoticeLetter letter, StaffCatalog staffCatalog)
{
    /// <param name="reachesByEmail">Whether the notice goes out by e-mail (with the letter attached); otherwise only by post.</param>
    public IssuedFormalNotice Issue(
        Invoice invoice, Patient patient, Practice practice, string patientSpaceLink, int deadlineDays, bool reachesByEmail, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentNullException.ThrowIfNull(practice);
        var letterDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(practice.TimeZoneId)).DateTime);
        var model = new FormalNoticeLetterModel(
            patient.Language, practice.Name, practice.PractitionerName, practice.PostalAddress, practice.Phone, practice.OpeningHours,
            patient.FirstName, patient.LastName, patient.PostalAddress, invoice.ExternalReference, invoice.IssueDate, invoice.DueDate,
            invoice.AmountDueCents, invoice.AmountPaidCents, letterDate, letterDate.AddDays(deadlineDays), patientSpaceLink);
        var document = StoredDocument.Pdf(practice.Id, letter.FileName(model), letter.Write(model, now), now);
        var notice = FormalNotice.Issue(
            practice.Id, invoice.Id, patient.Id, document.Id, document.Sha256, letterDate, model.PaymentDeadline, now);
        db.Add(document);
        db.Add(notice);

        var staffTexts = staffCatalog.In(practice.Language);
        var summary = staffTexts.Say(
            reachesByEmail ? "formal-notice-by-email" : "formal-notice-by-post-only",
            ("invoice", invoice.ExternalReference),
            ("deadline", staffTexts.Format.Date(model.PaymentDeadline)));
        return new IssuedFormalNotice(
            document.Id,
            model.PaymentDeadline,
            new NewStaffAlert(practice.Id, StaffAlertKind.FormalNoticeLetter, summary, patient.Id, invoice.Id));
    }
}

/// <param name="DocumentId">The letter, to attach to the e-mail.</param>
/// <param name="Alert">Tells staff the letter exists (and whether only the post carries it); the card offers it to download.</param>
public sealed record IssuedFormalNotice(Guid DocumentId, DateOnly PaymentDeadline, NewStaffAlert Alert);
