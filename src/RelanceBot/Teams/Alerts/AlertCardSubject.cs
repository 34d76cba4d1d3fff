using RelanceBot.Alerts;

namespace RelanceBot.Teams.Alerts;

/// <summary>
/// An alert with what its card shows about the patient and the invoice, or the invoices of a request or claim naming
/// several (their references, what is left on them in all, the oldest due date); never the nature of the care.
/// </summary>
public sealed record AlertCardSubject(
    StaffAlert Alert,
    string? PatientName,
    string? InvoiceReference,
    long? OutstandingCents,
    DateOnly? DueDate,
    TimeZoneInfo PracticeTimeZone)
{
    /// <summary>How many invoices <see cref="InvoiceReference"/> names.</summary>
    public int InvoiceCount { get; init; } = 1;

    /// <summary>A document the card offers to open (a mise en demeure letter), by a signed link a browser can follow.</summary>
    public string? DocumentUrl { get; init; }
}
