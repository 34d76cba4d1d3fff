using RelanceBot.Auditing;

namespace RelanceBot.Payments;

/// <summary>
/// Money received through Stripe, one row per PaymentIntent: the unique intent id makes a replayed or reordered
/// event harmless. Refunds are tracked as Stripe reports them, cumulatively, so their order does not matter either.
/// </summary>
public sealed class Payment : IAuditable
{
    public Guid Id { get; private set; }

    public Guid PracticeId { get; private set; }

    public Guid InvoiceId { get; private set; }

    public Guid? InstallmentId { get; private set; }

    public string StripePaymentIntentId { get; private set; } = "";

    public long AmountCents { get; private set; }

    public long RefundedCents { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public DateTimeOffset? DisputedAt { get; private set; }

    Guid? IAuditable.AuditPracticeId => PracticeId;

    private Payment()
    {
    }

    public static Payment Receive(
        Guid practiceId, Guid invoiceId, Guid? installmentId, string paymentIntentId, long amountCents, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(paymentIntentId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amountCents);
        return new Payment
        {
            Id = Guid.CreateVersion7(now),
            PracticeId = practiceId,
            InvoiceId = invoiceId,
            InstallmentId = installmentId,
            StripePaymentIntentId = paymentIntentId,
            AmountCents = amountCents,
            ReceivedAt = now,
        };
    }

    /// <summary>
    /// Takes Stripe's running total of refunds and returns how much is newly refunded (0 for a stale or repeated event).
    /// </summary>
    public long RefundUpTo(long totalRefundedCents)
    {
        var total = Math.Clamp(totalRefundedCents, 0, AmountCents);
        var added = Math.Max(0, total - RefundedCents);
        RefundedCents += added;
        return added;
    }

    /// <summary>Returns false when the dispute was already known.</summary>
    public bool MarkDisputed(DateTimeOffset now)
    {
        if (DisputedAt is not null)
        {
            return false;
        }

        DisputedAt = now;
        return true;
    }
}
