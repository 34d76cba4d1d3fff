using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RelanceBot.Invoices;
using RelanceBot.Persistence;
using Xunit;

namespace RelanceBot.EndToEndTests;

/// <summary>The local demo in headless Chromium: patient space → "pay now" → fake checkout page → paid (or declined) page.</summary>
public sealed class DemoCheckoutBrowserTests : IAsyncLifetime
{

    private readonly DemoCheckoutApp _app = new();
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        (_playwright, _browser) = await HeadlessChromium.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task PayingOnTheDemoCheckout_ShowsThePaidPage_AndSettlesTheInvoice()
    {
        var (invoiceId, link) = await _app.CreateInvoiceAsync("F-1", 12345);
        var page = await _browser.NewPageAsync();

        await page.GotoAsync(link);
        await PayNowAsync(page, link);
        Assert.Contains("démonstration", await page.TextContentAsync("h1"), StringComparison.Ordinal);
        await page.ClickAsync("button[value=pay]");

        await page.WaitForURLAsync(url => url.Contains("/p/done", StringComparison.Ordinal));
        Assert.Contains("Paiement reçu", await page.TextContentAsync("body"), StringComparison.Ordinal);
        var invoice = await InvoiceAsync(invoiceId);
        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
        Assert.Equal(12345, invoice.AmountPaidCents);
        Assert.False(invoice.AcceptsRemindersAt(TimeProvider.System.GetUtcNow()), "a paid invoice gets no more reminders");
    }

    [Fact]
    public async Task DecliningOnTheDemoCheckout_ShowsACourteousPage_AndLeavesTheInvoiceUnchanged()
    {
        var (invoiceId, link) = await _app.CreateInvoiceAsync("F-2", 5000);
        var page = await _browser.NewPageAsync();

        await page.GotoAsync(link);
        await PayNowAsync(page, link);
        await page.ClickAsync("button[value=decline]");

        // The answer replaces the page: wait for it rather than for a load state the old page may still report.
        await page.GetByText("Votre carte a été refusée").WaitForAsync();
        var body = await page.TextContentAsync("body");
        Assert.Contains("Votre carte a été refusée", body, StringComparison.Ordinal);
        Assert.Contains("Essayez une autre carte", body, StringComparison.Ordinal);
        var invoice = await InvoiceAsync(invoiceId);
        Assert.Equal(InvoiceStatus.Open, invoice.Status);
        Assert.Equal(0, invoice.AmountPaidCents);
        Assert.True(invoice.AcceptsRemindersAt(TimeProvider.System.GetUtcNow()), "the cadence goes on");
    }

    /// <summary>The patient space's "pay now": a form whose answer redirects to the checkout page.</summary>
    private static async Task PayNowAsync(IPage page, string link)
    {
        await page.ClickAsync("form[action$='/pay'] button");
        // Only the navigation's commit: what follows waits for its own element, and waiting for the whole load timed
        // out once in CI with both cores busy.
        await page.WaitForURLAsync(url => !url.StartsWith(link, StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
    }

    private async Task<Invoice> InvoiceAsync(Guid id)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>().Invoices.AsNoTracking().SingleAsync(invoice => invoice.Id == id);
    }
}
