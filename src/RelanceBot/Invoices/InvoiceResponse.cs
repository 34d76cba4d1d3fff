using System.ComponentModel;
using System.Text.Json.Serialization;

namespace RelanceBot.Invoices;

/// <summary>An invoice as the practice sees it (the internal description is the practice's own, so it is returned).</summary>
/// <param name="Id">RelanceBot's id of the invoice, as plans and alerts name it.</param>
/// <param name="AcknowledgedOn">The patient's last acknowledgement of the debt (plan, date, partial payment); null: none.</param>
/// <param name="LimitationExpiresOn">Two years after the issue date or the last acknowledgement.</param>
/// <param name="HandedOverAt">When the file was handed to a collection service; null: never.</param>
public sealed record InvoiceResponse(
    Guid Id,
    string ExternalReference,
    string PatientReference,
    long AmountDueCents,
    long AmountPaidCents,
    long AmountOutstandingCents,
    string Currency,
    DateOnly IssueDate,
    DateOnly DueDate,
    [property: JsonConverter(typeof(JsonStringEnumConverter<InvoiceStatus>))] InvoiceStatus Status,
    string? InternalDescription,
    bool IsFeeOverrun,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateOnly? AcknowledgedOn,
    DateOnly LimitationExpiresOn,
    DateTimeOffset? HandedOverAt,
    [property: Description("The latest mise en demeure letter, once one was approved and written; absent before.")] FormalNoticeResponse? FormalNotice = null)
{
    public static InvoiceResponse From(Invoice invoice, string patientReference, FormalNoticeResponse? formalNotice = null) => new(
        invoice.Id,
        invoice.ExternalReference,
        patientReference,
        invoice.AmountDueCents,
        invoice.AmountPaidCents,
        invoice.AmountOutstandingCents,
        invoice.Currency,
        invoice.IssueDate,
        invoice.DueDate,
        invoice.Status,
        invoice.InternalDescription,
        invoice.IsFeeOverrun,
        invoice.CreatedAt,
        invoice.UpdatedAt,
        invoice.AcknowledgedOn,
        InvoiceLimitation.ExpiresOn(invoice.LimitationClockStart),
        invoice.HandedOverAt,
        formalNotice);
}
