using RelanceBot.Conversations.Messages;
using RelanceBot.Invoices;
using RelanceBot.Payments;
using RelanceBot.Plans;

namespace RelanceBot.PatientSpace;

/// <summary>
/// One open of an invoice's patient space: what the reminder already said (practice, practitioner, amount, due date,
/// reference) and what the page needs to offer the patient's choices. Never the invoice's description.
/// </summary>
public sealed record SpaceVisit(
    PaymentLink Link,
    Guid PracticeId,
    string PracticeName,
    string PractitionerName,
    string? PracticePhone,
    string TimeZoneId,
    Guid PatientId,
    string FirstName,
    string InvoiceReference,
    InvoiceStatus InvoiceStatus,
    long OutstandingCents,
    DateOnly DueDate,
    InstallmentPlanStatus? LivePlan,
    PlanTerms Terms,
    DateOnly Today,
    BotLanguage Language)
{
    /// <summary>Nothing left to pay (or the practice cancelled it): the link is dead.</summary>
    public bool IsDead => InvoiceStatus is InvoiceStatus.Paid or InvoiceStatus.Cancelled || OutstandingCents <= 0;

    /// <summary>A plan requested, approved or running speaks for the invoice.</summary>
    public bool HasLivePlan => LivePlan is not null;

    /// <summary>Open to the patient's own choices: owed, neither disputed nor already arranged.</summary>
    public bool IsActionable => InvoiceStatus is InvoiceStatus.Open or InvoiceStatus.PartiallyPaid && !HasLivePlan;

    /// <summary>Payable online now: the balance, or under an approved plan its next installment (<see cref="PaymentDue"/>).</summary>
    public bool IsPayable => InvoiceStatus is InvoiceStatus.Open or InvoiceStatus.PartiallyPaid or InvoiceStatus.UnderPlan;

    public DateOnly LatestPaymentDate => Today.AddDays(Terms.MaxDeferralDays);

    /// <summary>2 and 3, as the chat offers, within the practice's own maximum.</summary>
    public IReadOnlyList<int> InstallmentCounts =>
        [.. Enumerable.Range(InstallmentPlan.MinInstallments, InstallmentPlan.MaxInstallments - InstallmentPlan.MinInstallments + 1)
            .Where(count => count <= Terms.MaxInstallments && OutstandingCents <= Terms.MaxPlanAmountCents && OutstandingCents >= count)];

    public string Path(string? action = null) => action is null ? $"/p/{Link.Token}" : $"/p/{Link.Token}/{action}";
}
