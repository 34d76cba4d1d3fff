using RelanceBot.Auditing;

namespace RelanceBot.Plans;

/// <summary>
/// One payment of a plan. Off-session charges are numbered attempts: an attempt is written down before Stripe is
/// called, so a crash between the charge and its record replays the same attempt (same idempotency key) instead of
/// charging twice.
/// </summary>
public sealed class Installment : IAuditable
{
    public Guid Id { get; private set; }

    public Guid PlanId { get; private set; }

    /// <summary>Copied from the plan so the installment's audit entries are filed under the right practice.</summary>
    public Guid PracticeId { get; private set; }

    /// <summary>1-based; the first is paid through Checkout, which saves the card for the others.</summary>
    public int Number { get; private set; }

    public long AmountCents { get; private set; }

    public DateOnly DueDate { get; private set; }

    public InstallmentStatus Status { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    /// <summary>The attempt under way whose outcome is not recorded yet, if any.</summary>
    public int? PendingAttempt { get; private set; }

    public int FailedAttempts { get; private set; }

    public string? LastFailureCode { get; private set; }

    public DateTimeOffset? NextAttemptAt { get; private set; }

    public bool IsPaid => Status == InstallmentStatus.Paid;

    Guid? IAuditable.AuditPracticeId => PracticeId;

    private Installment()
    {
    }

    internal static Installment Create(InstallmentPlan plan, int number, long amountCents, DateOnly dueDate, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        PlanId = plan.Id,
        PracticeId = plan.PracticeId,
        Number = number,
        AmountCents = amountCents,
        DueDate = dueDate,
        Status = InstallmentStatus.Due,
    };

    /// <summary>Whether the scheduler should try to charge it now (due, not paid, not waiting for a retry).</summary>
    public bool IsChargeableAt(DateOnly today, DateTimeOffset now) =>
        Status == InstallmentStatus.Due && DueDate <= today && (NextAttemptAt is null || NextAttemptAt <= now);

    /// <summary>Starts a charge attempt, or returns the one left unfinished by a crash.</summary>
    public int BeginAttempt() => PendingAttempt ??= FailedAttempts + 1;

    internal void MarkPaid(DateTimeOffset now)
    {
        if (IsPaid)
        {
            return;
        }

        Status = InstallmentStatus.Paid;
        PaidAt = now;
        PendingAttempt = null;
        NextAttemptAt = null;
    }

    internal void RecordFailure(string failureCode, DateTimeOffset retryAt)
    {
        FailedAttempts++;
        PendingAttempt = null;
        LastFailureCode = failureCode;
        NextAttemptAt = retryAt;
    }

    /// <summary>The charge is still processing at Stripe: wait for its webhook rather than retry.</summary>
    internal void WaitUntil(DateTimeOffset retryAt) => NextAttemptAt = retryAt;
}
