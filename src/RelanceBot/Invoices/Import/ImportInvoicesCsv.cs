using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using RelanceBot.Intake;
using RelanceBot.Patients;
using RelanceBot.Persistence;

namespace RelanceBot.Invoices.Import;

/// <summary>
/// Imports a practice's invoices (and their patients) from a CSV export, all or nothing: every row is checked and
/// staged, and the file is saved in one transaction only if no row failed. Re-importing a file changes nothing,
/// because patients and invoices are matched by the practice's references.
/// </summary>
public sealed class ImportInvoicesCsv(RelanceBotDbContext db, UpsertPatient upsertPatient, UpsertInvoice upsertInvoice)
{
    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];

    public async Task<ImportReport> HandleAsync(Guid practiceId, Stream csv, CancellationToken cancellationToken)
    {
        var errors = new List<ImportRowError>();
        var counts = new Dictionary<UpsertStatus, int>();
        var rows = 0;
        using var bytes = new MemoryStream();
        await csv.CopyToAsync(bytes, cancellationToken);
        if (!CsvFileText.TryDecode(bytes.ToArray(), out var content, out var problem))
        {
            errors.Add(new ImportRowError(0, "file", problem!));
            return Report(rows, counts, errors);
        }

        using var parser = CsvReader.FromText(content, Options(DetectSeparator(content)));
        if (!await ReadHeaderAsync(parser, errors, cancellationToken))
        {
            return Report(rows, counts, errors);
        }

        var invoiceRows = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await parser.ReadAsync(cancellationToken))
        {
            rows++;
            var status = await ImportRowAsync(practiceId, parser, invoiceRows, errors, cancellationToken);
            if (status is { } known)
            {
                counts[known] = counts.GetValueOrDefault(known) + 1;
            }
        }

        if (errors.Count == 0 && !await db.TrySaveChangesAsync(cancellationToken))
        {
            errors.Add(new ImportRowError(0, "file", "Another change to the same patients or invoices happened during the import; retry."));
        }

        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
        }

        return Report(rows, counts, errors);
    }

    private async Task<UpsertStatus?> ImportRowAsync(
        Guid practiceId,
        CsvReader row,
        Dictionary<string, int> invoiceRows,
        List<ImportRowError> errors,
        CancellationToken cancellationToken)
    {
        var rowNumber = (int)row.RowNumber + 1; // As in a spreadsheet: the header is row 1.
        var rowErrors = new List<ImportRowError>();
        var (patientReference, patientRequest, invoiceReference, invoiceRequest) = ReadRow(row, rowNumber, rowErrors);
        if (invoiceRows.TryGetValue(invoiceReference, out var firstRow))
        {
            rowErrors.Add(new ImportRowError(rowNumber, InvoiceCsvColumns.InvoiceReference, $"Invoice '{invoiceReference}' is already on row {firstRow}."));
        }
        else if (invoiceReference.Length > 0)
        {
            invoiceRows[invoiceReference] = rowNumber;
        }

        if (rowErrors.Count > 0)
        {
            await ReportWholeRowAsync(practiceId, rowNumber, patientReference, patientRequest, invoiceRequest, rowErrors, errors, cancellationToken);
            return null;
        }

        var patient = await upsertPatient.HandleAsync(practiceId, patientReference, patientRequest, cancellationToken);
        if (patient.Status == UpsertStatus.Invalid)
        {
            await ReportWholeRowAsync(practiceId, rowNumber, patientReference, patientRequest, invoiceRequest, [], errors, cancellationToken);
            return null;
        }

        // A file cannot ask for an invoice to change patient: a row that names another one is reported.
        var invoice = await upsertInvoice.HandleAsync(practiceId, invoiceReference, invoiceRequest, movePatient: false, cancellationToken);
        switch (invoice.Status)
        {
            case UpsertStatus.Invalid:
                errors.AddRange(RowErrors(rowNumber, invoice.Errors, InvoiceCsvColumns.ForInvoiceField));
                return null;
            case UpsertStatus.Conflict:
                errors.Add(new ImportRowError(rowNumber, InvoiceCsvColumns.InvoiceReference, invoice.ConflictReason!));
                return null;
            default:
                return invoice.Status;
        }
    }

    /// <summary>
    /// Every fault of a row at once, so one round of corrections fixes it: what could not be read (<paramref name="readErrors"/>),
    /// then what the shared patient and invoice rules say of the rest (a column already reported is not reported twice).
    /// </summary>
    private async Task ReportWholeRowAsync(
        Guid practiceId,
        int rowNumber,
        string patientReference,
        PatientRequest patientRequest,
        InvoiceRequest invoiceRequest,
        List<ImportRowError> readErrors,
        List<ImportRowError> errors,
        CancellationToken cancellationToken)
    {
        var invoiceErrors = new FieldErrors();
        await upsertInvoice.ValidateAsync(practiceId, invoiceRequest, invoiceErrors, cancellationToken);
        var ruleErrors = RowErrors(rowNumber, upsertPatient.Check(patientReference, patientRequest), InvoiceCsvColumns.ForPatientField)
            .Concat(RowErrors(rowNumber, invoiceErrors, InvoiceCsvColumns.ForInvoiceField));
        var readColumns = readErrors.Select(error => error.Field).ToHashSet(StringComparer.Ordinal);
        errors.AddRange(readErrors);
        errors.AddRange(ruleErrors.Where(error => !readColumns.Contains(error.Field)));
    }

    /// <summary>Turns a row into the same requests the API receives; text that is not a date or an amount is reported here.</summary>
    private static (string PatientReference, PatientRequest Patient, string InvoiceReference, InvoiceRequest Invoice) ReadRow(
        CsvReader row, int rowNumber, List<ImportRowError> rowErrors)
    {
        void Fail(string field, string message) => rowErrors.Add(new ImportRowError(rowNumber, field, message));

        var patientReference = Text(row, InvoiceCsvColumns.PatientReference) ?? "";
        var amount = Text(row, InvoiceCsvColumns.Amount);
        long? amountCents = EuroAmount.TryParseCents(amount, out var cents) ? cents : null;
        if (amount is null)
        {
            Fail(InvoiceCsvColumns.Amount, "This field is required.");
        }
        else if (amountCents is null)
        {
            Fail(InvoiceCsvColumns.Amount, $"'{amount}' is not an amount in euros (e.g. 123,45 or 123.45).");
        }

        var patient = new PatientRequest(
            Text(row, InvoiceCsvColumns.FirstName),
            Text(row, InvoiceCsvColumns.LastName),
            Date(row, InvoiceCsvColumns.DateOfBirth, Fail),
            Text(row, InvoiceCsvColumns.Phone),
            Text(row, InvoiceCsvColumns.Email),
            Text(row, InvoiceCsvColumns.Language),
            IsCssBeneficiary: null,
            Text(row, InvoiceCsvColumns.PostalAddress));
        var invoice = new InvoiceRequest(
            patientReference,
            amountCents,
            AmountPaidCents: null,
            Currency: null,
            Date(row, InvoiceCsvColumns.IssueDate, Fail),
            Date(row, InvoiceCsvColumns.DueDate, Fail),
            Text(row, InvoiceCsvColumns.InternalDescription),
            IsFeeOverrun: null);
        return (patientReference, patient, Text(row, InvoiceCsvColumns.InvoiceReference) ?? "", invoice);
    }

    private static IEnumerable<ImportRowError> RowErrors(int rowNumber, FieldErrors errors, Func<string, string> column) =>
        errors.All.Select(error => new ImportRowError(rowNumber, column(error.Field), error.Message));

    private static async Task<bool> ReadHeaderAsync(CsvReader parser, List<ImportRowError> errors, CancellationToken cancellationToken)
    {
        await parser.ReadHeaderAsync(cancellationToken);
        var present = parser.Headers.Select(InvoiceCsvColumns.NormalizeHeader).ToHashSet(StringComparer.Ordinal);
        if (present.Count == 0)
        {
            errors.Add(new ImportRowError(1, "header", "The file is empty."));
            return false;
        }

        var missing = InvoiceCsvColumns.Required.Where(column => !present.Contains(InvoiceCsvColumns.NormalizeHeader(column))).ToList();
        errors.AddRange(missing.Select(column => new ImportRowError(1, column, "This column is missing from the header.")));
        return missing.Count == 0;
    }

    private static string? Text(CsvReader row, string column) =>
        row.TryGetFieldIndex(column, out var index) && row.GetStringOrNull(index) is { } value && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : null;

    private static DateOnly? Date(CsvReader row, string column, Action<string, string> fail)
    {
        var text = Text(row, column);
        if (text is null)
        {
            return null; // Reported as "required" by the shared validation, where required.
        }

        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        fail(column, $"'{text}' is not a date (dd/MM/yyyy or yyyy-MM-dd).");
        return null;
    }

    // The header holds no amounts, so it tells ';' files (where amounts are "123,45") from ',' files reliably.
    private static char DetectSeparator(string content)
    {
        var lineEnd = content.IndexOfAny(['\r', '\n']);
        var header = lineEnd < 0 ? content : content[..lineEnd];
        return header.Count(character => character == ';') >= header.Count(character => character == ',') && header.Contains(';')
            ? ';'
            : ',';
    }

    private static CsvReaderOptions Options(char separator) => new()
    {
        Separator = separator,
        NormalizeHeaderName = InvoiceCsvColumns.NormalizeHeader,
        TrimWhitespace = true,
        SkipEmptyLines = true,
    };

    private static ImportReport Report(int rows, Dictionary<UpsertStatus, int> counts, List<ImportRowError> errors) => new(
        rows,
        errors.Count == 0 ? counts.GetValueOrDefault(UpsertStatus.Created) : 0,
        errors.Count == 0 ? counts.GetValueOrDefault(UpsertStatus.Updated) : 0,
        errors.Count == 0 ? counts.GetValueOrDefault(UpsertStatus.Unchanged) : 0,
        [.. errors.Distinct()]); // A blank patient reference is reported by both the patient and the invoice rules.
}
