using RelanceBot.Alerts;

namespace RelanceBot.Teams.Alerts;

/// <summary>An alert with what its card shows about the patient and the invoice (never the nature of the care).</summary>
public sealed record AlertCardSubject(
    StaffAlert Alert,
    string? PatientName,
    string? InvoiceReference,
    long? OutstandingCents,
    DateOnly? DueDate,
    TimeZoneInfo PracticeTimeZone)
{
    /// <summary>A document the card offers to open (a mise en demeure letter), by a signed link a browser can follow.</summary>
    public string? DocumentUrl { get; init; }
}
