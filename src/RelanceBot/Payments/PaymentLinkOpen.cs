namespace RelanceBot.Payments;

/// <summary>One opening of a pay link, with what it led to (reminder effectiveness, support questions).</summary>
public sealed class PaymentLinkOpen
{
    public Guid Id { get; private set; }

    public Guid PaymentLinkId { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public PaymentLinkOpenOutcome Outcome { get; private set; }

    public long? AmountCents { get; private set; }

    public string? CheckoutSessionId { get; private set; }

    private PaymentLinkOpen()
    {
    }

    public static PaymentLinkOpen Record(
        PaymentLink link, PaymentLinkOpenOutcome outcome, DateTimeOffset now, long? amountCents = null, string? checkoutSessionId = null) => new()
    {
        Id = Guid.CreateVersion7(now),
        PaymentLinkId = link.Id,
        OpenedAt = now,
        Outcome = outcome,
        AmountCents = amountCents,
        CheckoutSessionId = checkoutSessionId,
    };
}
