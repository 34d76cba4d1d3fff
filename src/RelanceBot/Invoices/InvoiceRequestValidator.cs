using System.Globalization;
using RelanceBot.Intake;

namespace RelanceBot.Invoices;

/// <summary>Checks an <see cref="InvoiceRequest"/> and turns it into valid <see cref="InvoiceAmounts"/>.</summary>
public static class InvoiceRequestValidator
{
    /// <param name="practiceToday">The date on the practice's calendar now: issue dates may not be later than the next day.</param>
    public static InvoiceAmounts? Validate(InvoiceRequest request, DateOnly practiceToday, FieldErrors errors)
    {
        ExternalReference.Validate(request.PatientReference, "patientReference", errors);
        var due = Amount(request.AmountDueCents, "amountDueCents", required: true, errors);
        var paid = Amount(request.AmountPaidCents, "amountPaidCents", required: false, errors);
        if (due == 0)
        {
            errors.Add("amountDueCents", "An invoice is for an amount above zero.");
        }

        if (due is not null && paid is not null && paid > due)
        {
            errors.Add("amountPaidCents", "The amount paid cannot exceed the amount due.");
        }

        if (request.Currency is not null && !string.Equals(request.Currency, Invoice.Euro, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("currency", $"Only {Invoice.Euro} is supported.");
        }

        if (request.IssueDate is null)
        {
            errors.Add("issueDate", "This field is required (yyyy-MM-dd).");
        }
        else if (request.IssueDate < InvoiceRules.EarliestIssueDate)
        {
            errors.Add("issueDate", $"The issue date cannot be before {Iso(InvoiceRules.EarliestIssueDate)}.");
        }
        else if (request.IssueDate > InvoiceRules.LatestIssueDate(practiceToday))
        {
            errors.Add("issueDate", $"The issue date cannot be after {Iso(InvoiceRules.LatestIssueDate(practiceToday))} (tomorrow at the practice).");
        }

        if (request.DueDate is null)
        {
            errors.Add("dueDate", "This field is required (yyyy-MM-dd).");
        }
        else if (request.DueDate < request.IssueDate)
        {
            errors.Add("dueDate", "The due date cannot precede the issue date.");
        }
        else if (request.IssueDate is { } issued && request.DueDate > InvoiceRules.LatestDueDate(issued))
        {
            errors.Add("dueDate", $"The due date cannot be more than {InvoiceRules.MaxPaymentTermYears} years after the issue date.");
        }

        var description = string.IsNullOrWhiteSpace(request.InternalDescription) ? null : request.InternalDescription.Trim();
        if (description?.Length > InvoiceRules.MaxDescriptionLength)
        {
            errors.Add("internalDescription", $"At most {InvoiceRules.MaxDescriptionLength} characters.");
        }

        return errors.IsEmpty
            ? new InvoiceAmounts(due!.Value, paid ?? 0, request.IssueDate!.Value, request.DueDate!.Value, description, request.IsFeeOverrun ?? false)
            : null;
    }

    private static long? Amount(long? cents, string field, bool required, FieldErrors errors)
    {
        switch (cents)
        {
            case null when required:
                errors.Add(field, "This field is required (integer number of cents).");
                return null;
            case null:
                return 0;
            case < 0:
                errors.Add(field, "An amount cannot be negative.");
                return null;
            case > InvoiceRules.MaxAmountCents:
                errors.Add(field, $"An amount cannot exceed {InvoiceRules.MaxAmountCents} cents.");
                return null;
            default:
                return cents;
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
