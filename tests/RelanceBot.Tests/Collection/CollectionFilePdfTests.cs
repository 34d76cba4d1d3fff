using RelanceBot.Alerts;
using RelanceBot.Collection;
using RelanceBot.Conversations.Messages;
using RelanceBot.Patients;
using RelanceBot.Reminders;
using RelanceBot.Tests.Documents;
using Shouldly;

namespace RelanceBot.Tests.Collection;

/// <summary>
/// The PDF summary of a collection file with everything a file can hold (an undelivered reminder, one still pending,
/// a plan, a promised date, a claim not tied to an invoice), read back with Poppler in both staff languages.
/// </summary>
public sealed class CollectionFilePdfTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public void In_french_every_fact_is_written_undelivered_reminders_say_so_and_agreements_give_their_terms()
    {
        var text = Read(BotLanguage.French);

        text.ShouldContain("Cabinet : Cabinet Lefèvre");
        text.ShouldContain("Praticien : Dr Hélène Lefèvre");
        text.ShouldContain("Téléphone : 01 23 45 67 89");
        text.ShouldContain("Nom : Françoise Dupré");
        text.ShouldContain("Date de naissance : 3 février 1980");
        text.ShouldContain("1 234,56 €");
        text.ShouldContain("Total restant dû : 1 314,56 €");
        text.ShouldContain("F-2026-0042");
        text.ShouldContain("F-2026-0043");
        text.ShouldContain("2 mars 2026 à 10:00");
        text.ShouldContain("SMS");
        text.ShouldContain("Non remise : mailbox unavailable");
        text.ShouldContain("En attente d'envoi");
        text.ShouldContain("Mise en demeure de la facture F-2026-0042 envoyée le 15 avril 2026 (e-mail) ; délai de paiement jusqu'au 30 avril 2026 inclus.");
        text.ShouldContain("Demande d'échéancier");
        text.ShouldContain("3 échéances, 1 234,56 € au total ; en cours");
        text.ShouldContain("Paiement promis pour le 20 mai 2026 ; en attente de la date");
        text.ShouldContain("Contestation");
        text.ShouldContain("à traiter par le cabinet");
    }

    [Fact]
    public void In_english_the_same_file_reads_from_the_english_catalog()
    {
        var text = Read(BotLanguage.English);

        text.ShouldContain("Collection file");
        text.ShouldContain("Practitioner: Dr Hélène Lefèvre");
        text.ShouldContain("€1,234.56");
        text.ShouldContain("Not delivered: mailbox unavailable");
        text.ShouldContain("Formal notice for invoice F-2026-0042 sent on 15 April 2026 (email); payment due by 30 April 2026.");
        text.ShouldContain("3 installments, €1,234.56 in total; in progress");
        text.ShouldContain("Payment promised for 20 May 2026; awaiting the date");
        text.ShouldNotContain("Relance");
    }

    private static string Read(BotLanguage language)
    {
        var catalog = MessageCatalog.Load(Path.Combine(AppContext.BaseDirectory, "Collection", "Messages"));
        var pdf = new CollectionFilePdf(catalog).Write(File(language));
        return Poppler.Flatten(Poppler.Text(pdf));
    }

    private static CollectionFile File(BotLanguage practiceLanguage)
    {
        static DateTimeOffset At(int month, int day) => new(2026, month, day, 9, 0, 0, TimeSpan.Zero);
        var handedOver = At(5, 2);
        return new CollectionFile(
            new CollectionCreditor("Cabinet Lefèvre", "Dr Hélène Lefèvre", "+33123456789", practiceLanguage),
            new CollectionDebtor("P-7", "Françoise", "Dupré", new DateOnly(1980, 2, 3), "f.dupre@example.fr", "+33612345678"),
            [
                new CollectionInvoice("F-2026-0042", new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1), 1_234_56, 0, handedOver),
                new CollectionInvoice("F-2026-0043", new DateOnly(2026, 2, 10), new DateOnly(2026, 3, 10), 100_00, 20_00, handedOver),
            ],
            [
                new("F-2026-0042", "courteous-1", false, At(3, 2), At(3, 2), ChannelKind.Sms, StepOutcome.Sent, null),
                new("F-2026-0043", "courteous-1", false, At(3, 11), null, null, StepOutcome.Undelivered, "mailbox unavailable"),
                new("F-2026-0042", "formal-notice", true, At(4, 15), At(4, 15), ChannelKind.Email, StepOutcome.Sent, null, new DateOnly(2026, 4, 30)),
                new("F-2026-0043", "firm", false, At(4, 20), null, null, StepOutcome.Queued, null),
            ],
            [
                new("F-2026-0042", At(3, 5), CollectionEventKind.PlanRequested, "Active", Installments: 3, AmountCents: 1_234_56),
                new("F-2026-0043", At(3, 12), CollectionEventKind.PaymentPromised, "Promised", PromisedOn: new DateOnly(2026, 5, 20)),
                new(null, At(3, 20), CollectionEventKind.Disputed, nameof(StaffAlertStatus.Open)),
            ],
            Paris,
            At(5, 3));
    }
}
