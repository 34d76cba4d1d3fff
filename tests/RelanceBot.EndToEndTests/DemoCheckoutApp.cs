using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.Payments;
using RelanceBot.Persistence;
using RelanceBot.Practices;

namespace RelanceBot.EndToEndTests;

/// <summary>
/// The app as a new user runs it: Development, no Stripe key (demo checkout), real Kestrel on 127.0.0.1, a fresh
/// SQLite file. The port is chosen up front because the demo Stripe emulator and its webhooks live at the public base
/// URL, which must be the server's own address.
/// </summary>
public sealed class DemoCheckoutApp : WebApplicationFactory<Program>
{
    private readonly string _directory = Directory.CreateTempSubdirectory("relancebot-demo-").FullName;
    private readonly int _port = FreeLoopbackPort();

    public DemoCheckoutApp() => UseKestrel(options => options.Listen(IPAddress.Loopback, _port));

    public Uri BaseAddress => new($"http://127.0.0.1:{_port}/");

    /// <summary>A practice, patient P-1 (Jeanne, born 1980-02-03) and one invoice through the practice API; returns the invoice id and its link.</summary>
    public async Task<(Guid InvoiceId, string PayLink)> CreateInvoiceAsync(string reference, long amountDueCents, string? internalDescription = null)
    {
        StartServer();
        await using var scope = Services.CreateAsyncScope();
        var practice = await scope.ServiceProvider.GetRequiredService<AddPractice>()
            .HandleAsync($"Cabinet {reference}", "Dr Dupont", null, null, null, null, null, CancellationToken.None);
        using var api = new HttpClient { BaseAddress = BaseAddress };
        api.DefaultRequestHeaders.Add("X-Api-Key", practice.PlainApiKey);
        (await api.PutAsJsonAsync("/api/v1/patients/P-1", new
        {
            firstName = "Jeanne", lastName = "Martin", dateOfBirth = "1980-02-03", phone = "06 12 34 56 78", language = "fr",
        })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync($"/api/v1/invoices/{reference}", new
        {
            patientReference = "P-1", amountDueCents, amountPaidCents = 0, issueDate = "2026-02-01", dueDate = "2026-03-01", internalDescription,
        })).EnsureSuccessStatusCode();

        var db = scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>();
        var invoiceId = db.Invoices.Where(invoice => invoice.PracticeId == practice.Practice!.Id).Select(invoice => invoice.Id).Single();
        var link = await scope.ServiceProvider.GetRequiredService<IPaymentLinks>().GetLinkAsync(invoiceId, CancellationToken.None);
        await db.SaveChangesAsync();
        return (invoiceId, link);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:RelanceBot", $"Data Source={Path.Combine(_directory, "relancebot.db")}");
        builder.UseSetting("Payments:PublicBaseUrl", BaseAddress.AbsoluteUri);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
