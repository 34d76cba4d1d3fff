using System.CommandLine;
using RelanceBot.Cli;
using RelanceBot.Invoices;
using RelanceBot.Patients;
using RelanceBot.Payments;
using RelanceBot.Persistence;
using RelanceBot.Practices;

namespace RelanceBot.PatientSpace;

/// <summary>
/// <c>demo</c>: a practice, a patient and an open invoice, made through the same use cases as the practice API, and
/// the invoice's patient space link printed, so a new user sees what a reminder opens without any account.
/// </summary>
public static class DemoCommand
{
    public const string Name = "demo";

    public static Command Create(IServiceProvider services)
    {
        var command = new Command(Name, "Create a demo practice, patient and invoice, and print the invoice's patient space link.");
        command.SetAction((parseResult, cancellationToken) => CommandScope.RunAsync(services, Name, async scoped =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var practice = await scoped.GetRequiredService<AddPractice>()
                .HandleAsync(
                    "Cabinet du Dr Martin (démo)", "Dr Claire Martin", null, "01 23 45 67 89",
                    "12 rue de la Paix\n75002 Paris", "du lundi au vendredi, de 9 h à 18 h", null, cancellationToken);
            var practiceId = practice.Practice!.Id;
            var today = DateOnly.FromDateTime(scoped.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            await scoped.GetRequiredService<UpsertPatient>().HandleAsync(
                practiceId, "DEMO-P1", new PatientRequest("Jeanne", "Durand", new DateOnly(1980, 2, 3), "06 12 34 56 78", "jeanne.durand@example.org", "fr", false,
                    "8 rue des Lilas\n69003 Lyon"),
                cancellationToken);
            var invoice = await scoped.GetRequiredService<UpsertInvoice>().HandleAsync(
                practiceId, "DEMO-F1", new InvoiceRequest("DEMO-P1", 12345, 0, "EUR", today.AddDays(-40), today.AddDays(-10), null, false),
                movePatient: false, cancellationToken);
            var link = await scoped.GetRequiredService<IPaymentLinks>().GetLinkAsync(invoice.Entity!.Id, cancellationToken);
            await scoped.GetRequiredService<RelanceBotDbContext>().SaveChangesAsync(cancellationToken);
            await output.WriteLineAsync($"Practice {practiceId} (API key, shown once: {practice.PlainApiKey})");
            await output.WriteLineAsync("Patient Jeanne Durand, born 1980-02-03; invoice DEMO-F1, 123,45 €.");
            await output.WriteLineAsync($"Patient space: {link}");
            await output.WriteLineAsync("Start the bot (dotnet run --project src/RelanceBot) and open the link.");
            return 0;
        }, cancellationToken));
        return command;
    }
}
