using RelanceBot.Conversations.Messages;
using RelanceBot.Invoices;
using RelanceBot.Plans;

namespace RelanceBot.Payments;

/// <summary>What a pay link collects right now: the current installment of an approved plan, or the whole balance.</summary>
/// <param name="ProductName">In the patient's language, from the payments catalog; names the invoice, never the care.</param>
public sealed record PaymentDue(PaymentReference Reference, long AmountCents, string ProductName, bool SaveCard)
{
    public static PaymentDue Of(Invoice invoice, InstallmentPlan? plan, PatientNoticeTexts texts, BotLanguage language)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(texts);
        if (plan?.NextDue is { } installment)
        {
            return new PaymentDue(
                new PaymentReference(invoice.PracticeId, invoice.Id, plan.Id, installment.Id),
                Math.Min(installment.AmountCents, invoice.AmountOutstandingCents),
                texts.ProductName(language, invoice.ExternalReference, (installment.Number, plan.Installments.Count)),
                SaveCard: plan.StripePaymentMethodId is null);
        }

        return new PaymentDue(
            new PaymentReference(invoice.PracticeId, invoice.Id),
            invoice.AmountOutstandingCents,
            texts.ProductName(language, invoice.ExternalReference, null),
            SaveCard: false);
    }
}
