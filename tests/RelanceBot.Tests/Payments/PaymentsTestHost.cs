using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.Invoices;
using RelanceBot.Payments;
using RelanceBot.Payments.Stripe;
using RelanceBot.Persistence;
using RelanceBot.Tests.TestHost;
using Shouldly;

namespace RelanceBot.Tests.Payments;

/// <summary>The app on a SQLite file, talking through Stripe.net to <see cref="FakeStripeServer"/>, which calls its webhook back.</summary>
public sealed class PaymentsTestHost : IAsyncDisposable
{
    private PaymentsTestHost(
        RelanceBotFactory app, FakeStripeServer stripe, RecordingPatientNotifier notices, RecordingLoggerProvider logs, TestPractice practice, HttpClient api)
    {
        Logs = logs;
        App = app;
        Stripe = stripe;
        Notices = notices;
        Practice = practice;
        Api = api;
        Browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = api.BaseAddress };
    }

    public RelanceBotFactory App { get; }

    public FakeStripeServer Stripe { get; }

    public RecordingPatientNotifier Notices { get; }

    /// <summary>What the app logged.</summary>
    public RecordingLoggerProvider Logs { get; }

    public TestPractice Practice { get; }

    /// <summary>The practice API (X-Api-Key).</summary>
    public HttpClient Api { get; }

    /// <summary>A patient's browser that does not follow redirects, to look at them.</summary>
    public HttpClient Browser { get; }

    public static async Task<PaymentsTestHost> StartAsync(Action<RelanceBotFactory>? configure = null)
    {
        var app = new RelanceBotFactory();
        configure?.Invoke(app);
        var stripe = await FakeStripeServer.StartAsync(app.Clock);
        var notices = new RecordingPatientNotifier();
        app.Settings["Payments:Stripe:SecretKey"] = FakeStripeServer.ApiKey;
        app.Settings["Payments:Stripe:WebhookSecret"] = FakeStripeServer.WebhookSecret;
        app.Settings["Payments:Stripe:ApiBase"] = stripe.BaseAddress.AbsoluteUri;
        app.Settings["Payments:Stripe:MaxNetworkRetries"] = "0";
        app.TestServices.Add(notices.Register);
        var logs = new RecordingLoggerProvider();
        app.TestServices.Add(logs.Register);
        var practice = await TestPractice.CreateAsync(app);
        var api = app.CreateApiClient(practice.ApiKey);
        stripe.WebhookUrl = new Uri(api.BaseAddress!, StripeWebhookEndpoint.Path);
        return new PaymentsTestHost(app, stripe, notices, logs, practice, api);
    }

    /// <summary>A patient P-1 and an invoice through the practice API; returns the invoice id.</summary>
    public async Task<Guid> CreateInvoiceAsync(string reference, long amountDueCents, long amountPaidCents = 0)
    {
        (await Api.PutJsonAsync("/api/v1/patients/P-1", Requests.Patient())).EnsureSuccessStatusCode();
        (await Api.PutJsonAsync($"/api/v1/invoices/{reference}", Requests.Invoice("P-1", amountDueCents, amountPaidCents))).EnsureSuccessStatusCode();
        return await InScopeAsync(db => db.Invoices.Where(invoice => invoice.ExternalReference == reference).Select(invoice => invoice.Id).SingleAsync());
    }

    /// <summary>The invoice's pay link, as a path on the app (the public base URL is not the test server's).</summary>
    public async Task<string> PayLinkPathAsync(Guid invoiceId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var link = await scope.ServiceProvider.GetRequiredService<IPaymentLinks>().GetLinkAsync(invoiceId, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>().SaveChangesAsync();
        return new Uri(link).AbsolutePath;
    }

    /// <summary>Opens the link's patient space, presses "pay now" and returns the Checkout Session id it redirected to.</summary>
    public async Task<string> OpenLinkAsync(string path)
    {
        using var response = await PostSpaceFormAsync(path, "pay", new Dictionary<string, string>());
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!;
        location.GetLeftPart(UriPartial.Authority).ShouldBe(Stripe.BaseAddress.GetLeftPart(UriPartial.Authority));
        return location.Segments[^1];
    }

    /// <summary>
    /// Posts one of the patient space's forms as a browser would: the space's page first (its antiforgery cookie and
    /// field), then the form.
    /// </summary>
    public async Task<HttpResponseMessage> PostSpaceFormAsync(string path, string action, IReadOnlyDictionary<string, string> fields, HttpClient? browser = null)
    {
        browser ??= Browser;
        var page = await browser.GetStringAsync(path);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = AntiforgeryField(page) };
        return await browser.PostAsync($"{path}/{action}", new FormUrlEncodedContent(form));
    }

    /// <summary>The antiforgery token a page of the space carries in its forms.</summary>
    public static string AntiforgeryField(string html)
    {
        const string marker = "name=\"__RequestVerificationToken\" value=\"";
        var start = html.IndexOf(marker, StringComparison.Ordinal);
        start.ShouldBeGreaterThan(-1, "the page has a form with an antiforgery field");
        start += marker.Length;
        return html[start..html.IndexOf('"', start)];
    }

    /// <summary>The patient presses a button on the fake hosted checkout page.</summary>
    public async Task<HttpResponseMessage> CheckoutAsync(string sessionId, string outcome = "pay", string? paymentMethod = null)
    {
        var form = new Dictionary<string, string> { ["outcome"] = outcome };
        if (paymentMethod is not null)
        {
            form["pm"] = paymentMethod;
        }

        return await Browser.PostAsync(new Uri(Stripe.BaseAddress, $"/checkout/{sessionId}"), new FormUrlEncodedContent(form));
    }

    public async Task<T> InScopeAsync<T>(Func<RelanceBotDbContext, Task<T>> query)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>());
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task<Invoice> InvoiceAsync(Guid id) => InScopeAsync(db => db.Invoices.AsNoTracking().SingleAsync(invoice => invoice.Id == id));

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        Browser.Dispose();
        await Stripe.DisposeAsync();
        await App.DisposeAsync();
    }
}
