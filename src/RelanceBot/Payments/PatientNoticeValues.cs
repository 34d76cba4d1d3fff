namespace RelanceBot.Payments;

/// <summary>What a payment notice may say: deliberately nothing about the care itself (medical secrecy).</summary>
/// <param name="Invoices">The invoices of a notice about several, each listed with its amount and link.</param>
public sealed record PatientNoticeValues(
    string FirstName, string PracticeName, long? AmountCents, string? PayLink, IReadOnlyList<NoticeInvoice>? Invoices = null);
