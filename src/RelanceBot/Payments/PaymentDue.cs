using RelanceBot.Invoices;
using RelanceBot.Plans;

namespace RelanceBot.Payments;

/// <summary>What a pay link collects right now: the current installment of an approved plan, or the whole balance.</summary>
public sealed record PaymentDue(PaymentReference Reference, long AmountCents, string ProductName, bool SaveCard)
{
    public static PaymentDue Of(Invoice invoice, InstallmentPlan? plan)
    {
        if (plan?.NextDue is { } installment)
        {
            return new PaymentDue(
                new PaymentReference(invoice.PracticeId, invoice.Id, plan.Id, installment.Id),
                Math.Min(installment.AmountCents, invoice.AmountOutstandingCents),
                $"Facture n° {invoice.ExternalReference} — échéance {installment.Number}/{plan.Installments.Count}",
                SaveCard: plan.StripePaymentMethodId is null);
        }

        return new PaymentDue(
            new PaymentReference(invoice.PracticeId, invoice.Id),
            invoice.AmountOutstandingCents,
            $"Facture n° {invoice.ExternalReference}",
            SaveCard: false);
    }
}
