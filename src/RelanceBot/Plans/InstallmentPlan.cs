using RelanceBot.Auditing;
using RelanceBot.Invoices;
using RelanceBot.Persistence;

namespace RelanceBot.Plans;

/// <summary>
/// A patient's request to pay an invoice in 2 or 3 monthly installments, with the patient's own words and the time
/// they asked (the agreement on record). Staff approve it; installment 1 is paid by card through Checkout, which saves
/// the card; the others are charged off-session on their dates.
/// </summary>
public sealed class InstallmentPlan : IAuditable, IConcurrencyVersioned
{
    public const int MinInstallments = 2;
    public const int MaxInstallments = 3;

    private readonly List<Installment> _installments = [];

    public Guid Id { get; private set; }

    public Guid PracticeId { get; private set; }

    public Guid InvoiceId { get; private set; }

    public Guid PatientId { get; private set; }

    public long TotalCents { get; private set; }

    public InstallmentPlanStatus Status { get; private set; }

    /// <summary>What the patient wrote when asking, verbatim.</summary>
    public string PatientWords { get; private set; } = "";

    public DateTimeOffset RequestedAt { get; private set; }

    public Guid? ApprovalAlertId { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>The Stripe Customer and PaymentMethod saved with installment 1, for the off-session charges.</summary>
    public string? StripeCustomerId { get; private set; }

    public string? StripePaymentMethodId { get; private set; }

    public string? EndReason { get; private set; }

    [NotAudited]
    public Guid Version { get; private set; }

    public IReadOnlyList<Installment> Installments => _installments;

    /// <summary>Requested, approved or running: the plan still speaks for the invoice.</summary>
    public bool IsLive => Status is InstallmentPlanStatus.Requested or InstallmentPlanStatus.Approved or InstallmentPlanStatus.Active;

    /// <summary>The next installment to collect, once staff approved the plan.</summary>
    public Installment? NextDue =>
        Status is InstallmentPlanStatus.Approved or InstallmentPlanStatus.Active
            ? _installments.OrderBy(installment => installment.Number).FirstOrDefault(installment => !installment.IsPaid)
            : null;

    Guid? IAuditable.AuditPracticeId => PracticeId;

    private InstallmentPlan()
    {
    }

    /// <summary>Monthly installments from <paramref name="firstDueDate"/>, the first taking the cents' remainder.</summary>
    public static InstallmentPlan Request(
        Guid practiceId, Guid invoiceId, Guid patientId, long totalCents, int count, DateOnly firstDueDate, string patientWords, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, MinInstallments);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxInstallments);
        ArgumentException.ThrowIfNullOrWhiteSpace(patientWords);
        var plan = new InstallmentPlan
        {
            Id = Guid.CreateVersion7(now),
            PracticeId = practiceId,
            InvoiceId = invoiceId,
            PatientId = patientId,
            TotalCents = totalCents,
            Status = InstallmentPlanStatus.Requested,
            PatientWords = patientWords,
            RequestedAt = now,
        };
        var amounts = InstallmentSplitter.Split(totalCents, count);
        for (var index = 0; index < amounts.Count; index++)
        {
            plan._installments.Add(Installment.Create(plan, index + 1, amounts[index], firstDueDate.AddMonths(index), now));
        }

        return plan;
    }

    public void AwaitDecisionOn(Guid alertId) => ApprovalAlertId = alertId;

    /// <summary>Returns false, changing nothing, when the plan was already decided: a second click is harmless.</summary>
    public bool Approve(string decidedBy, DateTimeOffset now) => Decide(InstallmentPlanStatus.Approved, decidedBy, now);

    public bool Reject(string decidedBy, DateTimeOffset now) => Decide(InstallmentPlanStatus.Rejected, decidedBy, now);

    /// <summary>Keeps the card saved by installment 1; the first card saved stays the one charged.</summary>
    public void SaveCard(string customerId, string paymentMethodId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(paymentMethodId);
        if (StripePaymentMethodId is not null)
        {
            return;
        }

        StripeCustomerId = customerId;
        StripePaymentMethodId = paymentMethodId;
        if (Status == InstallmentPlanStatus.Approved)
        {
            Status = InstallmentPlanStatus.Active;
        }
    }

    /// <summary>Marks an installment paid; the plan completes with the last one.</summary>
    public void MarkPaid(Guid installmentId, DateTimeOffset now)
    {
        var installment = _installments.Single(candidate => candidate.Id == installmentId);
        installment.MarkPaid(now);
        if (_installments.All(candidate => candidate.IsPaid))
        {
            Status = InstallmentPlanStatus.Completed;
        }
    }

    /// <summary>Ends a live plan for good (repeated failures, a dispute, an invoice settled another way).</summary>
    public void Fail(string reason, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (!IsLive)
        {
            return;
        }

        Status = InstallmentPlanStatus.Failed;
        EndReason = reason;
        DecidedAt ??= now;
    }

    /// <summary>
    /// The rule every decision and charge applies first: a live plan whose invoice was settled, cancelled or disputed
    /// another way is cancelled, and the closure is returned so the caller refuses. Null when the plan may go on
    /// (or is already over).
    /// </summary>
    public InvoiceClosure? CancelIfOvertakenBy(Invoice invoice, DateTimeOffset now)
    {
        if (invoice.Id != InvoiceId)
        {
            throw new ArgumentException("Not this plan's invoice.", nameof(invoice));
        }

        if (!IsLive || invoice.Closure is not { } closure)
        {
            return null;
        }

        Status = InstallmentPlanStatus.Cancelled;
        EndReason = $"Invoice {closure.ToString().ToLowerInvariant()}";
        DecidedAt ??= now;
        return closure;
    }

    private bool Decide(InstallmentPlanStatus decision, string decidedBy, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(decidedBy);
        if (Status != InstallmentPlanStatus.Requested)
        {
            return false;
        }

        Status = decision;
        DecidedBy = decidedBy;
        DecidedAt = now;
        return true;
    }
}
