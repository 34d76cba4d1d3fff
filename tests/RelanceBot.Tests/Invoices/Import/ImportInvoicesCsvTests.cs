using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.Invoices;
using RelanceBot.Persistence;
using RelanceBot.Tests.Cli;
using RelanceBot.Tests.TestHost;

namespace RelanceBot.Tests.Invoices.Import;

public sealed class ImportInvoicesCsvTests(RelanceBotFactory factory) : IClassFixture<RelanceBotFactory>
{
    private const string Header =
        "Patient reference;First name;Last name;Date of birth;Phone;Email;Language;Invoice reference;Amount;Issue date;Due date;Internal description";

    private static readonly string GoodFile = string.Join("\r\n",
        Header,
        "P-1;Jeanne;Martin;03/02/1980;06 12 34 56 78;jeanne@example.fr;fr;F-1;123,45;01/02/2026;01/03/2026;Consultation",
        "P-1;Jeanne;Martin;03/02/1980;06 12 34 56 78;jeanne@example.fr;fr;F-2;60;2026-02-05;2026-03-05;",
        "P-2;Paul;Durand;1975-11-30;;paul@example.fr;en;F-3;\"1 020,50\";05/02/2026;05/03/2026;Suivi");

    [Fact]
    public async Task Import_AGoodFile_CreatesPatientsAndInvoicesWithExactCents()
    {
        var practice = await TestPractice.CreateAsync(factory);

        var (exitCode, output, _) = await RunImportAsync(practice.Id, GoodFile);

        exitCode.ShouldBe(0);
        output.ShouldContain("3 invoice(s) created");
        var invoices = await InvoicesAsync(practice.Id);
        invoices.Select(invoice => (invoice.ExternalReference, invoice.AmountDueCents))
            .ShouldBe([("F-1", 12345L), ("F-2", 6000L), ("F-3", 102050L)]);
        invoices[0].IssueDate.ShouldBe(new DateOnly(2026, 2, 1));
        await using var scope = factory.Services.CreateAsyncScope();
        var patients = await scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>().Patients
            .Where(patient => patient.PracticeId == practice.Id).OrderBy(patient => patient.ExternalReference).ToListAsync();
        patients.Select(patient => patient.PhoneE164).ShouldBe(["+33612345678", null]);
        patients[1].Language.ShouldBe("en");
    }

    [Fact]
    public async Task Import_TheSameFileTwice_ChangesNothingTheSecondTime()
    {
        var practice = await TestPractice.CreateAsync(factory);
        await RunImportAsync(practice.Id, GoodFile);
        var auditCount = await AuditCountAsync(practice.Id);

        var (exitCode, output, _) = await RunImportAsync(practice.Id, GoodFile);

        exitCode.ShouldBe(0);
        output.ShouldContain("0 invoice(s) created, 0 updated, 3 unchanged");
        (await InvoicesAsync(practice.Id)).Count.ShouldBe(3);
        (await AuditCountAsync(practice.Id)).ShouldBe(auditCount);
    }

    [Fact]
    public async Task Import_ABadRow_NamesRowAndFieldAndWritesNothing()
    {
        var practice = await TestPractice.CreateAsync(factory);
        var file = string.Join("\n",
            Header,
            "P-1;Jeanne;Martin;03/02/1980;06 12 34 56 78;;fr;F-1;123,45;01/02/2026;01/03/2026;",
            "P-2;Paul;Durand;1975-11-30;12;;fr;F-2;12,345;01/02/2026;31/02/2026;");

        var (exitCode, _, error) = await RunImportAsync(practice.Id, file);

        exitCode.ShouldNotBe(0);
        error.ShouldContain("Row 3, amount:");
        error.ShouldContain("Row 3, due_date:");
        error.ShouldNotContain("Row 2");
        (await InvoicesAsync(practice.Id)).ShouldBeEmpty();
        (await AuditCountAsync(practice.Id)).ShouldBe(await AuditCountAsync(practice.Id, "PracticeApiKey", "Practice"));
    }

    [Fact]
    public async Task Import_ValidationErrorsFromTheSharedRules_AreReportedWithTheColumnName()
    {
        var practice = await TestPractice.CreateAsync(factory);
        var file = Header + "\nP-1;Jeanne;Martin;03/02/1980;12;;fr;F-1;10;01/03/2026;01/02/2026;";

        var (_, _, error) = await RunImportAsync(practice.Id, file);

        error.ShouldContain("Row 2, phone:");
        error.ShouldContain("Row 2, due_date:");
    }

    [Fact]
    public async Task Import_AZeroAmountOrDatesOutsideTheWindow_AreReportedPerRowAndNothingIsWritten()
    {
        var practice = await TestPractice.CreateAsync(factory);
        var file = string.Join("\n",
            Header,
            "P-1;Jeanne;Martin;03/02/1980;;;fr;F-1;0;01/02/2026;01/03/2026;",
            "P-1;Jeanne;Martin;03/02/1980;;;fr;F-2;10;01/02/2026;31/12/9999;",
            "P-1;Jeanne;Martin;03/02/1980;;;fr;F-3;10;01/01/2027;01/02/2027;",
            "P-1;Jeanne;Martin;03/02/1980;;;fr;F-4;10;31/12/1999;01/03/2026;",
            "P-1;Jeanne;Martin;03/02/1980;;;fr;F-5;10;01/02/2026;01/03/2026;");

        var (exitCode, _, error) = await RunImportAsync(practice.Id, file);

        exitCode.ShouldNotBe(0);
        error.ShouldContain("Row 2, amount:");
        error.ShouldContain("Row 3, due_date:");
        error.ShouldContain("Row 4, issue_date:");
        error.ShouldContain("Row 5, issue_date:");
        error.ShouldNotContain("Row 6");
        (await InvoicesAsync(practice.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Import_ARowNamingAnotherPatientForAnExistingInvoice_IsReportedAndMovesNothing()
    {
        var practice = await TestPractice.CreateAsync(factory);
        await RunImportAsync(practice.Id, GoodFile);
        var moved = GoodFile.Replace("P-2;Paul;Durand;1975-11-30;;paul@example.fr;en;F-3", "P-1;Jeanne;Martin;03/02/1980;;;fr;F-3", StringComparison.Ordinal);

        var (exitCode, _, error) = await RunImportAsync(practice.Id, moved);

        exitCode.ShouldNotBe(0);
        error.ShouldContain("Row 4, invoice_reference: Invoice 'F-3' belongs to patient 'P-2'");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>();
        var owner = await db.Invoices.Where(invoice => invoice.PracticeId == practice.Id && invoice.ExternalReference == "F-3")
            .Join(db.Patients, invoice => invoice.PatientId, patient => patient.Id, (_, patient) => patient.ExternalReference)
            .SingleAsync();
        owner.ShouldBe("P-2");
    }

    [Fact]
    public async Task Import_ACommaSeparatedFileWithDotDecimals_IsRead()
    {
        var practice = await TestPractice.CreateAsync(factory);
        var file = "patient_reference,first_name,last_name,date_of_birth,invoice_reference,amount,issue_date,due_date\n"
            + "P-1,Jeanne,Martin,1980-02-03,F-1,99.90,2026-02-01,2026-03-01\n"
            + "P-1,Jeanne,Martin,1980-02-03,F-2,\"10,50\",2026-02-01,2026-03-01\n";

        var (exitCode, _, _) = await RunImportAsync(practice.Id, file);

        exitCode.ShouldBe(0);
        (await InvoicesAsync(practice.Id)).Select(invoice => invoice.AmountDueCents).ShouldBe([9990L, 1050L]);
    }

    [Fact]
    public async Task Import_MissingColumnsOrDuplicateInvoices_AreRejected()
    {
        var practice = await TestPractice.CreateAsync(factory);

        var (_, _, missing) = await RunImportAsync(practice.Id, "patient_reference;first_name\nP-1;Jeanne\n");
        var (_, _, duplicate) = await RunImportAsync(practice.Id, string.Join("\n",
            Header,
            "P-1;Jeanne;Martin;03/02/1980;;;fr;F-1;10;01/02/2026;01/03/2026;",
            "P-1;Jeanne;Martin;03/02/1980;;;fr;F-1;20;01/02/2026;01/03/2026;"));

        missing.ShouldContain("Row 1, amount: This column is missing");
        duplicate.ShouldContain("Row 3, invoice_reference: Invoice 'F-1' is already on row 2.");
        (await InvoicesAsync(practice.Id)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("invoices-utf8-bom.csv")]
    [InlineData("invoices-utf8.csv")]
    [InlineData("invoices-windows-1252.csv")]
    public async Task Import_AFileInAnyEncodingASpreadsheetWrites_KeepsTheAccents(string fileName)
    {
        var practice = await TestPractice.CreateAsync(factory);

        var (exitCode, _, error) = await RunImportFileAsync(practice.Id, Path.Combine(AppContext.BaseDirectory, "Invoices", "Import", "Files", fileName));

        exitCode.ShouldBe(0, error);
        await using var scope = factory.Services.CreateAsyncScope();
        var patients = await scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>().Patients
            .Where(patient => patient.PracticeId == practice.Id).OrderBy(patient => patient.ExternalReference).ToListAsync();
        patients.Select(patient => (patient.FirstName, patient.LastName)).ShouldBe([("Hélène", "Lefèvre"), ("François", "Bœuf-Dürr")]);
    }

    [Fact]
    public async Task Import_AFileInAnUnknownEncoding_IsRefusedWithAClearMessageAndWritesNothing()
    {
        var practice = await TestPractice.CreateAsync(factory);

        var (exitCode, _, error) = await RunImportFileAsync(
            practice.Id, Path.Combine(AppContext.BaseDirectory, "Invoices", "Import", "Files", "invoices-unknown-encoding.csv"));

        exitCode.ShouldBe(1);
        error.ShouldContain("Save it from the spreadsheet as \"CSV UTF-8\"");
        (await InvoicesAsync(practice.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Import_ARowWithFiveFaults_ReportsAllFive()
    {
        var practice = await TestPractice.CreateAsync(factory);
        var file = Header + "\nP-1;;Martin;03/02/1980;12;jeanne@;fr;F-1;12x;01/02/2026;31/02/2026;";

        var (exitCode, _, error) = await RunImportAsync(practice.Id, file);

        exitCode.ShouldBe(1);
        foreach (var column in new[] { "first_name", "phone", "email", "amount", "due_date" })
        {
            error.ShouldContain($"Row 2, {column}:");
        }

        (await InvoicesAsync(practice.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Import_APostalAddressColumn_KeepsItsLinesAndReportsOneTooLong()
    {
        var practice = await TestPractice.CreateAsync(factory);
        var file = string.Join("\r\n",
            "Patient reference;First name;Last name;Date of birth;Email;Postal address;Invoice reference;Amount;Issue date;Due date",
            "P-1;Jeanne;Martin;03/02/1980;jeanne@example.fr;\"3 allée des Peupliers\r\n68100 Mulhouse\";F-1;12;01/02/2026;01/03/2026");

        (await RunImportAsync(practice.Id, file)).ExitCode.ShouldBe(0);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var patient = await scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>().Patients.SingleAsync(candidate => candidate.PracticeId == practice.Id);
            patient.PostalAddress.ShouldBe("3 allée des Peupliers\n68100 Mulhouse");
        }

        var (exitCode, _, error) = await RunImportAsync(practice.Id, file.Replace("3 allée des Peupliers", new string('x', 39), StringComparison.Ordinal));
        exitCode.ShouldNotBe(0);
        error.ShouldContain("postal_address");
    }

    [Fact]
    public async Task Import_UnknownPractice_FailsWithoutReadingTheFile()
    {
        var (exitCode, _, error) = await RunImportAsync(Guid.NewGuid(), GoodFile);

        exitCode.ShouldNotBe(0);
        error.ShouldContain("--practice");
    }

    private async Task<(int ExitCode, string Output, string Error)> RunImportAsync(Guid practiceId, string content)
    {
        var path = Path.Combine(factory.Database.Directory, $"{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        return await RunImportFileAsync(practiceId, path);
    }

    private Task<(int ExitCode, string Output, string Error)> RunImportFileAsync(Guid practiceId, string path) =>
        InProcessCli.RunAsync(factory.Services, "import", "--practice", practiceId.ToString(), "--file", path);

    private async Task<List<Invoice>> InvoicesAsync(Guid practiceId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>().Invoices
            .Where(invoice => invoice.PracticeId == practiceId)
            .OrderBy(invoice => invoice.ExternalReference)
            .ToListAsync();
    }

    private async Task<int> AuditCountAsync(Guid practiceId, params string[] entityTypes)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>().AuditEntries
            .CountAsync(entry => entry.PracticeId == practiceId && (entityTypes.Length == 0 || entityTypes.Contains(entry.EntityType)));
    }
}
