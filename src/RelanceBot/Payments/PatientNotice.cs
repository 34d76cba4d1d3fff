namespace RelanceBot.Payments;

/// <summary>A message for a patient about an invoice; <see cref="PayLink"/> is a bearer secret, never to be logged.</summary>
public sealed record PatientNotice(
    Guid PracticeId,
    Guid PatientId,
    Guid InvoiceId,
    PatientNoticeKind Kind,
    string? PayLink = null,
    long? AmountCents = null);
