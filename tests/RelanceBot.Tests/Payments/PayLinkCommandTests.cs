using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.Payments;
using RelanceBot.Persistence;
using RelanceBot.Tests.Cli;
using RelanceBot.Tests.TestHost;

namespace RelanceBot.Tests.Payments;

public sealed class PayLinkCommandTests : IAsyncLifetime
{
    private readonly RelanceBotFactory _app = new();
    private TestPractice _practice = null!;

    public async Task InitializeAsync()
    {
        _practice = await TestPractice.CreateAsync(_app);
        using var api = _app.CreateApiClient(_practice.ApiKey);
        (await api.PutJsonAsync("/api/v1/patients/P-1", Requests.Patient())).EnsureSuccessStatusCode();
        (await api.PutJsonAsync("/api/v1/invoices/F-1", Requests.Invoice())).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task PayLink_PrintsTheInvoicesStableLink()
    {
        var (first, firstOutput, _) = await RunAsync("pay-link", "--practice", _practice.Id.ToString(), "--invoice", "F-1");
        var (second, secondOutput, _) = await RunAsync("pay-link", "--practice", _practice.Id.ToString(), "--invoice", "F-1");

        first.ShouldBe(0);
        second.ShouldBe(0);
        firstOutput.Trim().ShouldStartWith("http://localhost:3978/p/");
        secondOutput.ShouldBe(firstOutput);
    }

    [Fact]
    public async Task Intake_IssuesTheInvoicesPayLinkWithIt()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>();
        var invoice = await db.Invoices.SingleAsync(candidate => candidate.PracticeId == _practice.Id);

        var token = await db.Set<PaymentLink>().Where(link => link.InvoiceId == invoice.Id).Select(link => link.Token).SingleAsync();

        var (_, output, _) = await RunAsync("pay-link", "--practice", _practice.Id.ToString(), "--invoice", "F-1");
        output.Trim().ShouldBe($"http://localhost:3978/p/{token}");
        (await db.AuditEntries.CountAsync(entry => entry.EntityType == nameof(PaymentLink) && entry.PracticeId == _practice.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task PayLink_ForAnotherPracticesInvoice_Fails()
    {
        var other = await TestPractice.CreateAsync(_app, "Cabinet Autre");

        var (exitCode, output, error) = await RunAsync("pay-link", "--practice", other.Id.ToString(), "--invoice", "F-1");

        exitCode.ShouldBe(1);
        output.ShouldBeEmpty();
        error.ShouldContain("--invoice");
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => InProcessCli.RunAsync(_app.Services, args);
}
