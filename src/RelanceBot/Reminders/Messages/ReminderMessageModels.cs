using RelanceBot.Invoices;
using RelanceBot.Patients;
using RelanceBot.Practices;

namespace RelanceBot.Reminders.Messages;

public static class ReminderMessageModels
{
    /// <summary>The template values for one invoice: what is still owed, never what the care was.</summary>
    public static ReminderMessageModel For(Invoice invoice, Patient patient, Practice practice, string paymentLink, string replyCode, bool earlierReminderDelivered) => new(
        patient.Language,
        patient.FirstName,
        patient.LastName,
        practice.Name,
        practice.PractitionerName,
        practice.Phone,
        invoice.AmountOutstandingCents,
        invoice.DueDate,
        paymentLink,
        replyCode,
        earlierReminderDelivered);
}
