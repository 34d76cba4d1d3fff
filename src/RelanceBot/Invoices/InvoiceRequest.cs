using System.ComponentModel;
using System.Text.Json.Serialization;

namespace RelanceBot.Invoices;

/// <summary>An invoice as the practice sends it (API body, or one CSV row). PUT semantics: omitted optional fields are cleared.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record InvoiceRequest(
    [property: Description("The practice's reference of the patient, created beforehand with PUT /api/v1/patients/{reference}.")] string? PatientReference,
    [property: Description("Amount billed, in euro cents (12345 = 123,45 €).")] long? AmountDueCents,
    [property: Description("Amount already paid, in euro cents; defaults to 0.")] long? AmountPaidCents,
    [property: Description("ISO 4217 currency; only EUR is accepted (the default).")] string? Currency,
    [property: Description("Issue date, ISO 8601 (yyyy-MM-dd).")] DateOnly? IssueDate,
    [property: Description("Due date, ISO 8601 (yyyy-MM-dd); not before the issue date.")] DateOnly? DueDate,
    [property: Description("The practice's own note. Never shown to the patient.")] string? InternalDescription,
    [property: Description("The invoice includes a dépassement d'honoraires.")] bool? IsFeeOverrun);
