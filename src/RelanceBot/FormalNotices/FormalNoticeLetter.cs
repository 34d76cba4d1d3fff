using RelanceBot.Conversations.Messages;
using RelanceBot.Documents;
using RelanceBot.Intake;
using RelanceBot.Invoices;

namespace RelanceBot.FormalNotices;

/// <summary>
/// Writes the mise en demeure as a one-page A4 letter in the patient's language: letterhead, the patient's address
/// where an envelope window shows it, date, subject, the amount owed with the invoice's dates, the deadline, how to pay
/// (link and QR code), that nothing is added, the lawful consequence, and that the service is automated. Every
/// sentence comes from <c>FormalNotices/Messages/{fr,en}.json</c>.
/// </summary>
public sealed class FormalNoticeLetter(MessageCatalog catalog)
{
    // A DL window envelope shows the address about 100 mm from the left edge: 80 mm from the margin.
    private const double AddressIndent = 226;
    private const double QrCodeSide = 96;

    public static FormalNoticeLetter Load(string directory)
    {
        var letter = new FormalNoticeLetter(MessageCatalog.Load(directory));
        // A missing or broken sentence stops the app at startup rather than a mise en demeure.
        foreach (var language in Enum.GetValues<BotLanguage>())
        {
            letter.Write(Sample(language.Code()), DateTimeOffset.UnixEpoch);
        }

        return letter;
    }

    public string FileName(FormalNoticeLetterModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var safeReference = string.Concat(model.InvoiceReference.Select(character => char.IsAsciiLetterOrDigit(character) || character is '-' or '_' ? character : '-'));
        return catalog.Render(LanguageOf(model), "file-name", ("reference", safeReference));
    }

    public byte[] Write(FormalNoticeLetterModel model, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(model);
        var language = LanguageOf(model);
        var culture = language.Culture();
        string Say(string key, params (string Name, string Value)[] values) => catalog.Render(language, key, values);
        string Money(long cents) => EuroAmount.Format(cents, culture);
        string Day(DateOnly date) => date.ToString("d MMMM yyyy", culture);

        using var writer = new PdfDocumentWriter(Say("title"), createdAt);
        writer.Paragraph(model.PracticeName, TextStyle.Heading);
        writer.Paragraph(string.Join('\n', [
            model.PractitionerName,
            .. PostalAddress.Lines(model.PracticeAddress),
            .. model.PracticePhone is { } phone ? [Say("phone", ("phone", phone))] : Array.Empty<string>(),
        ]));
        writer.Space(24);
        writer.Paragraph(
            string.Join('\n', [$"{model.PatientFirstName} {model.PatientLastName}", .. PostalAddress.Lines(model.PatientAddress)]),
            new TextStyle(Size: 11, Indent: AddressIndent));
        writer.Space(24);
        writer.Paragraph(Say("date", ("date", Day(model.LetterDate))), new TextStyle(Align: TextAlign.Right));
        writer.Heading(Say("title"));
        writer.Paragraph(Say("subject", ("reference", model.InvoiceReference)), TextStyle.Strong);
        writer.Space(12);
        writer.Paragraph(Say("salutation"));
        writer.Space(6);
        writer.Paragraph(Say("unpaid", ("amount", Money(model.AmountOutstandingCents)), ("dueDate", Day(model.DueDate))));
        writer.Space(6);
        writer.Table(
            [
                new TableColumn(Say("column-invoice"), 1.4),
                new TableColumn(Say("column-issued"), 1.3),
                new TableColumn(Say("column-due"), 1.3),
                new TableColumn(Say("column-amount"), Align: TextAlign.Right),
                new TableColumn(Say("column-paid"), Align: TextAlign.Right),
                new TableColumn(Say("column-outstanding"), Align: TextAlign.Right),
            ],
            [[
                model.InvoiceReference, Day(model.IssueDate), Day(model.DueDate),
                Money(model.AmountDueCents), Money(model.AmountPaidCents), Money(model.AmountOutstandingCents),
            ]]);
        writer.Paragraph(
            Say("demand", ("amount", Money(model.AmountOutstandingCents)), ("deadline", Day(model.PaymentDeadline))),
            TextStyle.Strong);
        writer.Space(4);
        writer.Paragraph(Say("no-fees"));
        writer.Heading(Say("how-to-pay"));
        writer.Paragraph(Say("pay-online"));
        writer.Space(4);
        writer.Paragraph(model.PatientSpaceLink, TextStyle.Strong);
        writer.Space(4);
        writer.QrCode(model.PatientSpaceLink, QrCodeSide);
        writer.Space(8);
        writer.Paragraph(model.PracticePhone is { } practicePhone ? Say("contact-phone", ("phone", practicePhone)) : Say("contact"));
        if (model.PracticeOpeningHours is { } hours)
        {
            writer.Paragraph(Say("opening-hours", ("hours", hours)));
        }

        writer.Space(6);
        writer.Paragraph(Say("consequence"));
        writer.Space(6);
        writer.Paragraph(Say("closing"));
        writer.Space(14);
        writer.Paragraph($"{model.PractitionerName}\n{model.PracticeName}");
        writer.Space(14);
        writer.Paragraph(Say("automated", ("practice", model.PracticeName)), TextStyle.Small);
        return writer.ToPdf();
    }

    private static BotLanguage LanguageOf(FormalNoticeLetterModel model) => BotLanguages.FromCode(model.Language) ?? BotLanguage.French;

    private static FormalNoticeLetterModel Sample(string language) => new(
        language, "Cabinet Dupont", "Dr Dupont", "1 rue de la Paix\n75002 Paris", "01 02 03 04 05", "du lundi au vendredi",
        "Jeanne", "Martin", "2 rue des Lilas\n69003 Lyon", "F-1", new DateOnly(2026, 1, 2), new DateOnly(2026, 2, 1), 12345, 0,
        new DateOnly(2026, 3, 20), new DateOnly(2026, 4, 4), "https://relancebot.example/p/sample");
}
