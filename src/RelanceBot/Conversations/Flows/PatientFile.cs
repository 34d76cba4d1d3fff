namespace RelanceBot.Conversations.Flows;

/// <summary>The patient a conversation is bound to, their practice, and what they still owe.</summary>
/// <param name="Language">The language the practice recorded for the patient (<c>fr</c> | <c>en</c>).</param>
/// <param name="PracticeOpeningHours">As the practice wrote them, when it did ("du lundi au vendredi, de 9 h à 18 h").</param>
/// <param name="HasPhone">Whether the practice can call the patient back without asking for a number.</param>
public sealed record PatientFile(
    Guid PatientId,
    Guid PracticeId,
    string FirstName,
    string PracticeName,
    string PractitionerName,
    string? PracticePhone,
    string? PracticeOpeningHours,
    string TimeZoneId,
    string Language,
    bool HasPhone,
    IReadOnlyList<OpenInvoice> OpenInvoices)
{
    public long OutstandingCents => OpenInvoices.Sum(invoice => invoice.OutstandingCents);
}
