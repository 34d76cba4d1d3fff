using System.Globalization;
using CsvHelper;
using RelanceBot.Patients;
using RelanceBot.Reminders;

namespace RelanceBot.Collection;

/// <summary>
/// The collection file as a CSV for an agency's import: UTF-8 with a byte order mark and <c>;</c> between fields, so
/// Excel in French opens it as it is; amounts in euros with a decimal comma, dates <c>yyyy-MM-dd</c>, instants in the
/// practice's time. One row per fact, each repeating the creditor and the debtor so a filtered sheet still says whose
/// it is; the columns and codes are documented in docs/collection.md and never translated (an import maps them once).
/// </summary>
public static class CollectionFileCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly IReadOnlyList<string> Columns =
    [
        "type_ligne", "creancier", "praticien", "creancier_telephone",
        "debiteur_reference", "debiteur_nom", "debiteur_prenom", "debiteur_naissance", "debiteur_email", "debiteur_telephone",
        "facture", "date_facture", "echeance", "montant_du", "montant_paye", "reste_du", "transmis_le",
        "date_evenement", "canal", "resultat", "detail",
    ];

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private static readonly CsvWriterOptions Options = new()
    {
        Separator = ';',
        WriteByteOrderMark = true,
        // A name or reference starting with = + - @ is not a formula for Excel.
        Injection = CsvInjection.Escape,
    };

    public static byte[] Write(CollectionFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, Options, leaveOpen: true))
        {
            csv.WriteHeader([.. Columns]);
            var invoices = file.Invoices.ToDictionary(invoice => invoice.Reference);
            foreach (var invoice in file.Invoices)
            {
                Row(csv, file, "FACTURE", invoice, null, null, null, null);
            }

            foreach (var reminder in file.Reminders)
            {
                Row(csv, file, reminder.IsFormalNotice ? "MISE_EN_DEMEURE" : "RELANCE", invoices[reminder.InvoiceReference],
                    reminder.DeliveredAt ?? reminder.QueuedAt, ChannelCode(reminder.Channel), OutcomeCode(reminder),
                    reminder.NeverLeft ? $"{reminder.StepName} : {reminder.DeliveryError}" : reminder.StepName);
            }

            foreach (var item in file.PatientEvents)
            {
                Row(csv, file, "ECHANGE", item.InvoiceReference is { } reference ? invoices[reference] : null,
                    item.At, null, EventCode(item.Kind), EventDetail(item));
            }
        }

        return stream.ToArray();
    }

    private static void Row(
        CsvWriter csv, CollectionFile file, string type, CollectionInvoice? invoice, DateTimeOffset? at, string? channel, string? outcome, string? detail)
    {
        var (creditor, debtor) = (file.Creditor, file.Debtor);
        csv.WriteRecord(
        [
            type, creditor.PracticeName, creditor.PractitionerName, creditor.Phone,
            debtor.Reference, debtor.LastName, debtor.FirstName, Date(debtor.DateOfBirth), debtor.Email, debtor.Phone,
            invoice?.Reference, Date(invoice?.IssueDate), Date(invoice?.DueDate), Euros(invoice?.AmountDueCents),
            Euros(invoice?.AmountPaidCents), Euros(invoice?.OutstandingCents), Instant(file, invoice?.HandedOverAt),
            Instant(file, at), channel, outcome, detail,
        ]);
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Instant(CollectionFile file, DateTimeOffset? instant) =>
        instant is { } value ? file.Local(value).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : null;

    private static string? Euros(long? cents) => cents is { } value ? (value / 100m).ToString("F2", French) : null;

    private static string? ChannelCode(ChannelKind? channel) => channel switch
    {
        ChannelKind.Email => "EMAIL",
        ChannelKind.Sms => "SMS",
        ChannelKind.Chat => "MESSAGERIE",
        _ => null,
    };

    private static string OutcomeCode(CollectionReminder reminder) => reminder.Outcome switch
    {
        StepOutcome.Sent => "REMISE",
        StepOutcome.Undelivered => "NON_REMISE",
        _ => "EN_COURS",
    };

    private static string EventCode(CollectionEventKind kind) => kind switch
    {
        CollectionEventKind.PlanRequested => "DEMANDE_ECHEANCIER",
        CollectionEventKind.PaymentPromised => "DATE_PROMISE",
        CollectionEventKind.Disputed => "CONTESTATION",
        CollectionEventKind.AlreadyPaidClaim => "DIT_AVOIR_PAYE",
        CollectionEventKind.CallBackRequested => "DEMANDE_CONTACT",
        CollectionEventKind.Hardship => "DIFFICULTES_FINANCIERES",
        CollectionEventKind.StopRequested => "STOP",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The terms agreed, then what became of the request (its status in RelanceBot).</summary>
    private static string EventDetail(CollectionPatientEvent item)
    {
        var terms = item.Kind switch
        {
            CollectionEventKind.PlanRequested => $"{item.Installments} echeances ; {Euros(item.AmountCents)} ; ",
            CollectionEventKind.PaymentPromised => $"{Date(item.PromisedOn)} ; ",
            _ => "",
        };
        return terms + item.Status;
    }
}
