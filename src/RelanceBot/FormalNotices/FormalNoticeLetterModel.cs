namespace RelanceBot.FormalNotices;

/// <summary>
/// Everything the letter may print: the practice's letterhead, the patient's name and address, the invoice's amounts
/// and dates. Deliberately nothing about the care (medical secrecy): no description of the invoice can reach it.
/// </summary>
/// <param name="Language">The patient's language (<c>fr</c> or <c>en</c>).</param>
/// <param name="PatientSpaceLink">The patient space, <c>/p/{token}</c>: printed and as a QR code.</param>
public sealed record FormalNoticeLetterModel(
    string Language,
    string PracticeName,
    string PractitionerName,
    string? PracticeAddress,
    string? PracticePhone,
    string? PracticeOpeningHours,
    string PatientFirstName,
    string PatientLastName,
    string? PatientAddress,
    string InvoiceReference,
    DateOnly IssueDate,
    DateOnly DueDate,
    long AmountDueCents,
    long AmountPaidCents,
    DateOnly LetterDate,
    DateOnly PaymentDeadline,
    string PatientSpaceLink)
{
    public long AmountOutstandingCents => AmountDueCents - AmountPaidCents;
}
