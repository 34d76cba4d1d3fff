using System.Globalization;
using RelanceBot.Conversations.Messages;

namespace RelanceBot.Payments;

/// <summary>
/// The wording of payment notices, per language, in editable JSON files (<c>Payments/Messages/{fr,en}.json</c>): one
/// text per kind (chat, SMS and e-mail body) and its e-mail subject. Like the reminders, they say what is owed and
/// where to pay, never what the care was.
/// </summary>
public sealed class PatientNoticeTexts(MessageCatalog catalog)
{
    public static PatientNoticeTexts Load(string directory)
    {
        var texts = new PatientNoticeTexts(MessageCatalog.Load(directory));
        // A missing or broken text stops the app at startup rather than a payment's thank-you.
        foreach (var language in Enum.GetValues<BotLanguage>())
        {
            foreach (var kind in Enum.GetValues<PatientNoticeKind>())
            {
                texts.Render(kind, language, new("Jeanne", "Cabinet Dupont", 12345, "https://relancebot.example/p/sample"));
                if (kind is PatientNoticeKind.PlanApproved or PatientNoticeKind.PlanRejected)
                {
                    texts.Render(kind, language, new("Jeanne", "Cabinet Dupont", 12345, "https://relancebot.example/p/a",
                        [new("F-1", 6000, "https://relancebot.example/p/a"), new("F-2", 6345, "https://relancebot.example/p/b")]));
                }
            }

            texts.ProductName(language, "F-1", null);
        }

        return texts;
    }

    public RenderedNotice Render(PatientNoticeKind kind, BotLanguage language, PatientNoticeValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var format = TextFormat.For(language);
        // A request over several invoices is answered once, each invoice on its own line with its own link.
        var several = values.Invoices is { Count: > 1 };
        var key = several ? $"{Key(kind)}-several" : Key(kind);
        var placeholders = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["firstName"] = values.FirstName,
            ["practice"] = values.PracticeName,
            ["amount"] = values.AmountCents is { } cents ? format.Money(cents) : "",
            ["link"] = values.PayLink ?? "",
            ["invoices"] = several
                ? string.Join("\n", values.Invoices!.Select(invoice => catalog.Render(
                    language, "invoice-line", ("invoice", invoice.Reference), ("amount", format.Money(invoice.AmountCents)), ("link", invoice.PayLink))))
                : "",
        };
        return new RenderedNotice(
            catalog.Render(language, $"{key}.subject", placeholders),
            catalog.Render(language, key, placeholders),
            catalog.Render(language, "pay-button"));
    }

    /// <summary>The chat button paying one invoice of a notice about several.</summary>
    public string PayInvoiceButton(BotLanguage language, string reference) => catalog.Render(language, "pay-invoice-button", ("invoice", reference));

    /// <summary>
    /// What the patient's bank statement, Stripe's page and receipt call the payment: the invoice (and the installment),
    /// never the care.
    /// </summary>
    public string ProductName(BotLanguage language, string invoiceReference, (int Number, int Total)? installment)
        => installment is var (number, total)
            ? catalog.Render(language, "product-installment",
                ("invoice", invoiceReference),
                ("number", number.ToString(CultureInfo.InvariantCulture)),
                ("total", total.ToString(CultureInfo.InvariantCulture)))
            : catalog.Render(language, "product-invoice", ("invoice", invoiceReference));

    /// <summary>A page a patient sees on the bot's host: its title (<c>{key}.title</c>) and its text.</summary>
    public (string Title, string Text) Page(BotLanguage language, string key, params (string Name, string Value)[] values)
        => (catalog.Render(language, $"{key}.title"), catalog.Render(language, key, values));

    private static string Key(PatientNoticeKind kind) => kind switch
    {
        PatientNoticeKind.InvoicePaid => "invoice-paid",
        PatientNoticeKind.PlanApproved => "plan-approved",
        PatientNoticeKind.PlanRejected => "plan-rejected",
        PatientNoticeKind.InstallmentChargeFailed => "installment-charge-failed",
        PatientNoticeKind.PaymentFailed => "payment-failed",
        PatientNoticeKind.DeferredPaymentDue => "deferred-payment-due",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No text for this notice."),
    };
}
