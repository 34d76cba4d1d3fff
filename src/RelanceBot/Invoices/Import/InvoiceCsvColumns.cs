namespace RelanceBot.Invoices.Import;

/// <summary>
/// The columns of an invoice file. Headers match ignoring case, spaces, dashes and underscores, so
/// "Patient reference", "patient_reference" and "PatientReference" are the same column.
/// </summary>
public static class InvoiceCsvColumns
{
    public const string PatientReference = "patient_reference";
    public const string FirstName = "first_name";
    public const string LastName = "last_name";
    public const string DateOfBirth = "date_of_birth";
    public const string Phone = "phone";
    public const string Email = "email";
    public const string Language = "language";
    public const string PostalAddress = "postal_address";
    public const string InvoiceReference = "invoice_reference";
    public const string Amount = "amount";
    public const string IssueDate = "issue_date";
    public const string DueDate = "due_date";
    public const string InternalDescription = "internal_description";

    public static IReadOnlyList<string> Required { get; } =
        [PatientReference, FirstName, LastName, DateOfBirth, InvoiceReference, Amount, IssueDate, DueDate];

    /// <summary>Where the shared intake validation's field names come from in the file.</summary>
    public static string ForPatientField(string field) => field switch
    {
        "externalReference" => PatientReference,
        "firstName" => FirstName,
        "lastName" => LastName,
        "dateOfBirth" => DateOfBirth,
        "phone" => Phone,
        "email" => Email,
        "language" => Language,
        "postalAddress" => PostalAddress,
        _ => field,
    };

    public static string ForInvoiceField(string field) => field switch
    {
        "externalReference" => InvoiceReference,
        "patientReference" => PatientReference,
        "amountDueCents" or "amountPaidCents" or "currency" => Amount,
        "issueDate" => IssueDate,
        "dueDate" => DueDate,
        "internalDescription" => InternalDescription,
        _ => field,
    };

    public static string NormalizeHeader(string header) =>
        string.Concat(header.Where(char.IsLetterOrDigit)).ToLowerInvariant();
}
