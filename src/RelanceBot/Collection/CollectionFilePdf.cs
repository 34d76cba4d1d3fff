using System.Globalization;
using RelanceBot.Alerts;
using RelanceBot.Conversations.Messages;
using RelanceBot.Documents;
using RelanceBot.Patients;

namespace RelanceBot.Collection;

/// <summary>
/// The collection file as a PDF to read: the same facts as <see cref="CollectionFileCsv"/> in sentences and tables, in
/// the language of the creditor practice's staff, worded from <c>Collection/Messages/{fr,en}.json</c>. Like the CSV it says nothing of the care:
/// no invoice description, no words the patient wrote.
/// </summary>
public sealed class CollectionFilePdf(MessageCatalog catalog)
{
    public const string ContentType = "application/pdf";

    public byte[] Write(CollectionFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new Document(new StaffTexts(catalog, file.Creditor.Language)).Write(file);
    }

    private sealed class Document(StaffTexts texts)
    {
        public byte[] Write(CollectionFile file)
        {
            using var writer = new PdfDocumentWriter($"{texts.Say("title")} {file.Debtor.Reference}", file.ProducedAt);
            writer.Heading(texts.Say("title"));
            writer.Paragraph(texts.Say("produced", ("date", Date(file, file.ProducedAt))), TextStyle.Small);
            WriteParties(writer, file);
            WriteInvoices(writer, file);
            WriteReminders(writer, file);
            WriteFormalNotices(writer, file);
            WritePatientEvents(writer, file);
            return writer.ToPdf();
        }

        private void WriteParties(PdfDocumentWriter writer, CollectionFile file)
        {
            var (creditor, debtor) = (file.Creditor, file.Debtor);
            writer.Heading(texts.Say("creditor"));
            writer.Paragraph(texts.Say("creditor-practice", ("name", creditor.PracticeName)));
            writer.Paragraph(texts.Say("creditor-practitioner", ("name", creditor.PractitionerName)));
            if (creditor.Phone is { } practicePhone)
            {
                writer.Paragraph(texts.Say("creditor-phone", ("phone", texts.Format.Phone(practicePhone))));
            }

            writer.Heading(texts.Say("debtor"));
            writer.Paragraph(texts.Say("debtor-name", ("name", $"{debtor.FirstName} {debtor.LastName}")), TextStyle.Strong);
            writer.Paragraph(texts.Say("debtor-reference", ("reference", debtor.Reference)));
            writer.Paragraph(texts.Say("debtor-born", ("date", texts.Format.Date(debtor.DateOfBirth))));
            if (debtor.Email is { } email)
            {
                writer.Paragraph(texts.Say("debtor-email", ("email", email)));
            }

            if (debtor.Phone is { } phone)
            {
                writer.Paragraph(texts.Say("debtor-phone", ("phone", texts.Format.Phone(phone))));
            }
        }

        private void WriteInvoices(PdfDocumentWriter writer, CollectionFile file)
        {
            writer.Heading(texts.Say("invoices"));
            writer.Table(
                [
                    Column("column-invoice", 1.3), Column("column-issued", 1.3), Column("column-due", 1.3),
                    Column("column-amount-due", 1, TextAlign.Right), Column("column-paid", 1, TextAlign.Right),
                    Column("column-outstanding", 1, TextAlign.Right), Column("column-handed-over", 1.3),
                ],
                file.Invoices.Select(invoice => (IReadOnlyList<string>)
                [
                    invoice.Reference, texts.Format.Date(invoice.IssueDate), texts.Format.Date(invoice.DueDate),
                    texts.Format.Money(invoice.AmountDueCents), texts.Format.Money(invoice.AmountPaidCents),
                    texts.Format.Money(invoice.OutstandingCents), Date(file, invoice.HandedOverAt),
                ]));
            writer.Paragraph(texts.Say("outstanding-total", ("amount", texts.Format.Money(file.OutstandingCents))), TextStyle.Strong);
        }

        /// <summary>Every reminder as the delivery record has it, the mise en demeure among them.</summary>
        private void WriteReminders(PdfDocumentWriter writer, CollectionFile file)
        {
            writer.Heading(texts.Say("reminders"));
            if (file.Reminders.Count == 0)
            {
                writer.Paragraph(texts.Say("no-reminders"));
                return;
            }

            writer.Table(
                [
                    Column("column-date", 1.6), Column("column-invoice"), Column("column-kind", 1.2), Column("column-step", 1.2),
                    Column("column-channel", 0.9), Column("column-outcome", 1.6),
                ],
                file.Reminders.Select(reminder => (IReadOnlyList<string>)
                [
                    Instant(file, reminder.DeliveredAt ?? reminder.QueuedAt), reminder.InvoiceReference,
                    texts.Say(reminder.IsFormalNotice ? "kind-formal-notice" : "kind-reminder"), reminder.StepName,
                    Channel(reminder.Channel), Outcome(reminder),
                ]));
        }

        private void WriteFormalNotices(PdfDocumentWriter writer, CollectionFile file)
        {
            writer.Heading(texts.Say("formal-notice"));
            var notices = file.Reminders.Where(reminder => reminder.IsFormalNotice).ToList();
            if (notices.Count == 0)
            {
                writer.Paragraph(texts.Say("no-formal-notice"));
            }

            foreach (var notice in notices)
            {
                var invoice = ("invoice", notice.InvoiceReference);
                writer.Paragraph(notice switch
                {
                    { WasDelivered: true, DeliveredAt: { } sentAt, LastDayToPay: { } deadline } => texts.Say(
                        "formal-notice-delivered", invoice, ("date", Date(file, sentAt)), ("channel", Channel(notice.Channel)),
                        ("deadline", texts.Format.Date(deadline))),
                    { NeverLeft: true } => texts.Say("formal-notice-undelivered", invoice, ("reason", Reason(notice))),
                    _ => texts.Say("formal-notice-pending", invoice),
                });
            }
        }

        /// <summary>What the patient asked or agreed, in its terms and what became of it; never in the patient's words.</summary>
        private void WritePatientEvents(PdfDocumentWriter writer, CollectionFile file)
        {
            writer.Heading(texts.Say("exchanges"));
            if (file.PatientEvents.Count == 0)
            {
                writer.Paragraph(texts.Say("no-exchanges"));
                return;
            }

            writer.Table(
                [Column("column-date", 1.6), Column("column-invoice"), Column("column-request", 1.8), Column("column-detail", 2.6)],
                file.PatientEvents.Select(item => (IReadOnlyList<string>)
                [
                    Instant(file, item.At), item.InvoiceReference ?? texts.Say("none"), texts.Say($"event-{item.Kind}"), Detail(item),
                ]));
        }

        private string Detail(CollectionPatientEvent item)
        {
            var status = ("status", texts.Say($"status-{item.Status}"));
            return item.Kind switch
            {
                CollectionEventKind.PlanRequested => texts.SayCount(
                    "plan-terms", item.Installments ?? 0, ("amount", texts.Format.Money(item.AmountCents ?? 0)), status),
                CollectionEventKind.PaymentPromised when item.PromisedOn is { } promisedOn => texts.Say(
                    "promise-terms", ("date", texts.Format.Date(promisedOn)), status),
                _ => status.Item2,
            };
        }

        private string Outcome(CollectionReminder reminder) => reminder switch
        {
            { WasDelivered: true } => texts.Say("outcome-delivered"),
            { NeverLeft: true } => texts.Say("outcome-undelivered", ("reason", Reason(reminder))),
            _ => texts.Say("outcome-pending"),
        };

        private string Reason(CollectionReminder reminder) => reminder.DeliveryError ?? texts.Say("none");

        private string Channel(ChannelKind? channel) => channel is { } kind ? texts.Say($"channel-{kind}") : texts.Say("none");

        private TableColumn Column(string key, double weight = 1, TextAlign align = TextAlign.Left) => new(texts.Say(key), weight, align);

        private string Date(CollectionFile file, DateTimeOffset instant) => texts.Format.Date(DateOnly.FromDateTime(file.Local(instant)));

        private string Instant(CollectionFile file, DateTimeOffset instant) => texts.Say(
            "instant", ("date", Date(file, instant)), ("time", file.Local(instant).ToString("HH:mm", CultureInfo.InvariantCulture)));
    }
}
