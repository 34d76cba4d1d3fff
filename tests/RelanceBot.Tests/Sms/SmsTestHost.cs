using System.Globalization;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.Outbox;
using RelanceBot.Persistence;
using RelanceBot.Reminders;
using RelanceBot.Sms.DemoTwilio;
using RelanceBot.Tests.Outbox.TestInfrastructure;
using RelanceBot.Tests.TestHost;

namespace RelanceBot.Tests.Sms;

/// <summary>
/// The app on a SQLite file with Twilio's official library talking to <see cref="FakeTwilioServer"/>, e-mail to a real
/// SMTP server on 127.0.0.1, its public address the fixtures' <see cref="PublicBaseUrl"/> (Twilio signs that one), and
/// one practice whose cadence is on.
/// </summary>
public sealed class SmsTestHost : IAsyncDisposable
{
    public const string PublicBaseUrl = "https://relancebot.example.com";
    public const string TwilioNumber = "+33757000123";

    private SmsTestHost(RelanceBotFactory app, FakeTwilioServer twilio, SmtpServer smtp, HttpClient api, HttpClient client)
    {
        App = app;
        Twilio = twilio;
        Smtp = smtp;
        Api = api;
        Client = client;
    }

    public RelanceBotFactory App { get; }

    public FakeTwilioServer Twilio { get; }

    public SmtpServer Smtp { get; }

    /// <summary>The practice API (X-Api-Key).</summary>
    public HttpClient Api { get; }

    /// <summary>Anyone on the internet: Twilio, a mail client, a patient's browser.</summary>
    public HttpClient Client { get; }

    public static async Task<SmsTestHost> StartAsync(string provider = "Twilio")
    {
        var app = new RelanceBotFactory();
        var twilio = await FakeTwilioServer.StartAsync(app.Clock, new Uri(PublicBaseUrl + "/webhooks/twilio/sms"));
        var smtp = await SmtpServer.StartAsync();
        app.Settings["Payments:PublicBaseUrl"] = PublicBaseUrl;
        app.Settings["Sms:Provider"] = provider;
        app.Settings["Sms:Twilio:AccountSid"] = DemoTwilioServer.AccountSid;
        app.Settings["Sms:Twilio:AuthToken"] = FakeTwilioServer.AuthToken;
        app.Settings["Sms:Twilio:FromNumber"] = TwilioNumber;
        app.Settings["Sms:Twilio:ApiBase"] = twilio.BaseAddress.AbsoluteUri;
        app.Settings["Delivery:Email:Host"] = "127.0.0.1";
        app.Settings["Delivery:Email:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        app.Settings["Delivery:Email:Tls"] = "None";
        app.Settings["Delivery:Email:SenderAddress"] = "relances@cabinet-dupont.test";
        var practice = await TestPractice.CreateAsync(app);
        var api = app.CreateApiClient(practice.ApiKey);
        var cadence = await (await api.GetAsync("/api/v1/cadence")).ReadJsonAsync();
        cadence["isEnabled"] = true;
        (await api.PutAsJsonAsync("/api/v1/cadence", cadence)).EnsureSuccessStatusCode();
        return new SmsTestHost(app, twilio, smtp, api, app.CreateClient());
    }

    /// <summary>Patient P-1 and invoice F-1 (due the day before the clock starts, so the first reminder is due).</summary>
    public async Task AddPatientWithInvoiceAsync(string? phone = "+33612345678")
    {
        (await Api.PutJsonAsync("/api/v1/patients/P-1", Requests.Patient(phone: phone))).EnsureSuccessStatusCode();
        (await Api.PutJsonAsync("/api/v1/invoices/F-1", Requests.Invoice())).EnsureSuccessStatusCode();
    }

    public Task SweepAsync() => App.Services.GetRequiredService<SweepDueReminders>().RunAsync(CancellationToken.None);

    public Task<int> DispatchAsync() => App.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

    /// <summary>Posts a Twilio inbound webhook, signed over the public URL unless <paramref name="signature"/> is given.</summary>
    public async Task<HttpResponseMessage> TextAsync(string body, string from = "+33612345678", string? signature = null)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("MessageSid", "SM" + Guid.NewGuid().ToString("N")), new("AccountSid", DemoTwilioServer.AccountSid),
            new("From", from), new("To", TwilioNumber), new("Body", body), new("NumMedia", "0"), new("ToState", ""),
        };
        return await PostWebhookAsync(new FormUrlEncodedContent(parameters), signature ?? DemoTwilioServer.Sign(PublicBaseUrl + "/webhooks/twilio/sms", parameters, FakeTwilioServer.AuthToken));
    }

    public async Task<HttpResponseMessage> PostWebhookAsync(HttpContent content, string? signature, string pathAndQuery = "/webhooks/twilio/sms")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, pathAndQuery) { Content = content };
        if (signature is not null)
        {
            request.Headers.Add("X-Twilio-Signature", signature);
        }

        return await Client.SendAsync(request);
    }

    public async Task<T> WithDbAsync<T>(Func<RelanceBotDbContext, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>());
    }

    public Task<List<OutboxMessage>> OutboxAsync() =>
        WithDbAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(message => message.CreatedAt).ThenBy(message => message.IdempotencyKey).ToListAsync());

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        Client.Dispose();
        await Smtp.DisposeAsync();
        await Twilio.DisposeAsync();
        await App.DisposeAsync();
    }
}
