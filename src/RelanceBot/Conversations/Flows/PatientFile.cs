namespace RelanceBot.Conversations.Flows;

/// <summary>The patient a conversation is bound to, their practice, and what they still owe.</summary>
public sealed record PatientFile(
    Guid PatientId,
    Guid PracticeId,
    string FirstName,
    string PracticeName,
    string PractitionerName,
    string? PracticePhone,
    string TimeZoneId,
    IReadOnlyList<OpenInvoice> OpenInvoices)
{
    public long OutstandingCents => OpenInvoices.Sum(invoice => invoice.OutstandingCents);
}
