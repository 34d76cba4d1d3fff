namespace RelanceBot.Payments;

/// <summary>
/// A message for a patient about an invoice. <see cref="IdempotencyKey"/> names what it is about (e.g.
/// <c>payment-receipt:{paymentId}</c>) so it is sent once however often its cause is replayed.
/// <see cref="PayLink"/> is a bearer secret, never to be logged.
/// </summary>
public sealed record PatientNotice(
    string IdempotencyKey,
    Guid PracticeId,
    Guid PatientId,
    Guid InvoiceId,
    PatientNoticeKind Kind,
    string? PayLink = null,
    long? AmountCents = null)
{
    /// <summary>
    /// When the notice answers a request over several invoices: each one's due amount and link, listed in the one
    /// message (<see cref="AmountCents"/> is then their total, <see cref="PayLink"/> the first's).
    /// </summary>
    public IReadOnlyList<NoticeInvoice> Invoices { get; init; } = [];
}
