using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.Conversations.Messages;
using RelanceBot.Documents;
using RelanceBot.FormalNotices;
using RelanceBot.Invoices;
using RelanceBot.Patients;
using RelanceBot.Payments;
using RelanceBot.Persistence;
using RelanceBot.Practices;
using RelanceBot.Tests.Documents;
using RelanceBot.Tests.TestHost;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace RelanceBot.Tests.FormalNotices;

/// <summary>
/// The mise en demeure letter written for a real invoice of a real practice (entered through the same use cases as the
/// API and the CLI), then read back as a reader's PDF viewer would (pdftotext) and rendered to PNG (pdftoppm).
/// </summary>
public sealed class FormalNoticeLetterTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string InvoiceReference = "F-2026/0042";
    private const string CareDetail = "Séance d'ostéopathie, lombalgie";

    private readonly RelanceBotFactory _factory = new();

    public Task InitializeAsync()
    {
        _factory.Settings["Payments:PublicBaseUrl"] = "https://pay.relancebot.test";
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task The_letter_prints_every_required_element_in_the_patients_language_and_nothing_about_the_care(string language)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<RelanceBotDbContext>();
        var practice = (await services.GetRequiredService<AddPractice>().HandleAsync(
            "Cabinet du Dr Hélène Lefèvre", "Dr Hélène Lefèvre", null, "03 88 12 34 56",
            "12 rue de l'Église\n67000 Strasbourg", "du lundi au vendredi, de 8 h 30 à 17 h", null, CancellationToken.None)).Practice!;
        (await services.GetRequiredService<UpsertPatient>().HandleAsync(practice.Id, "P-1", new PatientRequest(
            "Françoise", "Dupré", new DateOnly(1975, 6, 7), null, "francoise.dupre@example.fr", language, false,
            "3 allée des Peupliers\r\nAppartement 12\n\n68100 Mulhouse"), CancellationToken.None)).Entity.ShouldNotBeNull();
        await db.SaveChangesAsync();
        var invoice = (await services.GetRequiredService<UpsertInvoice>().HandleAsync(practice.Id, InvoiceReference, new InvoiceRequest(
            "P-1", 1_234_56, 234_56, null, new DateOnly(2026, 1, 15), new DateOnly(2026, 2, 1), CareDetail, false),
            movePatient: false, CancellationToken.None)).Entity!;
        await db.SaveChangesAsync();
        var patient = await db.Patients.SingleAsync();
        var link = await services.GetRequiredService<IPaymentLinks>().GetLinkAsync(invoice.Id, CancellationToken.None);

        var writing = System.Diagnostics.Stopwatch.StartNew();
        var issued = services.GetRequiredService<FormalNoticeIssuer>()
            .Issue(invoice, patient, practice, link, deadlineDays: 15, reachesByEmail: false, _factory.Clock.GetUtcNow());
        writing.Stop();
        await db.SaveChangesAsync();

        var document = await db.Set<StoredDocument>().AsNoTracking().SingleAsync(candidate => candidate.Id == issued.DocumentId);
        output.WriteLine($"{language}: letter written in {writing.ElapsedMilliseconds} ms (first in the process includes loading the font), {document.Content.Length} bytes");
        var notice = await db.Set<FormalNotice>().AsNoTracking().SingleAsync();
        notice.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(document.Content)));
        notice.LetterDate.ShouldBe(new DateOnly(2026, 3, 2));
        notice.PaymentDeadline.ShouldBe(new DateOnly(2026, 3, 17));
        notice.SentAt.ShouldBeNull("nothing was delivered yet");
        issued.Alert.Summary.ShouldContain("que par courrier");
        document.FileName.ShouldBe(language == "fr" ? "mise-en-demeure-F-2026-0042.pdf" : "formal-notice-F-2026-0042.pdf");

        Poppler.PageCount(document.Content).ShouldBe(1);
        var text = Poppler.Flatten(Poppler.Text(document.Content));
        var culture = (BotLanguages.FromCode(language) ?? BotLanguage.French).Culture();
        string[] expected =
        [
            // Creditor: the practice's letterhead.
            "Cabinet du Dr Hélène Lefèvre", "Dr Hélène Lefèvre", "12 rue de l'Église", "67000 Strasbourg", practice.Phone!,
            // Debtor.
            "Françoise Dupré", "3 allée des Peupliers", "Appartement 12", "68100 Mulhouse",
            // Invoice, dates and amounts in euros as the patient's language writes them.
            InvoiceReference, new DateOnly(2026, 1, 15).ToString("d MMMM yyyy", culture), new DateOnly(2026, 2, 1).ToString("d MMMM yyyy", culture),
            EuroAmount.Format(1_234_56, culture), EuroAmount.Format(234_56, culture), EuroAmount.Format(1_000_00, culture),
            // Letter date and deadline.
            new DateOnly(2026, 3, 2).ToString("d MMMM yyyy", culture), new DateOnly(2026, 3, 17).ToString("d MMMM yyyy", culture),
            "du lundi au vendredi, de 8 h 30 à 17 h",
            .. language == "fr"
                ? (string[])[
                    "Mise en demeure de payer", "Le 2 mars 2026",
                    "nous vous mettons en demeure de régler la somme de " + EuroAmount.Format(1_000_00, culture) + " au plus tard le 17 mars 2026",
                    "Aucun frais ni aucune pénalité ne s'ajoute à cette somme.",
                    "le cabinet pourra confier le recouvrement de cette somme à un service de recouvrement",
                    "service de relance automatique de Cabinet du Dr Hélène Lefèvre",
                    "Pour ne plus recevoir de messages automatiques, indiquez-le depuis votre espace patient.",
                    "ou scannez ce code avec votre téléphone"]
                : [
                    "Formal notice to pay", "We hereby give you formal notice to pay the sum of " + EuroAmount.Format(1_000_00, culture) + " no later than 17 March 2026",
                    "No fees or penalties are added to this sum.",
                    "the practice may entrust the recovery of this sum to a collection service",
                    "automated reminder service of Cabinet du Dr Hélène Lefèvre",
                    "To stop receiving automated messages, say so from your patient space.",
                    "or scan this code with your phone"],
        ];
        foreach (var element in expected)
        {
            text.ShouldContain(Poppler.Flatten(element), Case.Sensitive, $"the letter must print '{element}'");
        }

        // The link is printed whole (a long one may wrap: read without the line breaks).
        text.Replace(" ", "", StringComparison.Ordinal).ShouldContain(link);
        foreach (var forbidden in (string[])["ostéopathie", "lombalgie", "Séance", "huissier", "tribunal", "judiciaire", "intérêts", "bailiff", "court", "interest"])
        {
            text.ShouldNotContain(forbidden, Case.Insensitive);
        }

        // Rendered like a reader's screen; the French page is the example in docs/images/formal-notice-letter.png.
        var pages = Poppler.RenderPng(document.Content, Path.Combine(AppContext.BaseDirectory, "FormalNotices", "Rendered"), $"formal-notice-{language}");
        pages.Count.ShouldBe(1);
        new FileInfo(pages[0]).Length.ShouldBeGreaterThan(20_000, "a blank page would compress to almost nothing");
    }
}
