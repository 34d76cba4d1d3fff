using Microsoft.Extensions.Options;
using RelanceBot.Delivery;
using RelanceBot.Payments;
using RelanceBot.Sms.DemoTwilio;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace RelanceBot.Sms;

/// <summary>
/// Sends through Twilio's official library (8.2.0). The library has no cancellation and no retry, and Twilio has no
/// idempotency key for messages: this makes one attempt, bounded by the HTTP client's timeout, and the outbox decides
/// about retrying.
/// </summary>
public sealed class TwilioSmsSender(IHttpClientFactory httpClients, IOptions<SmsOptions> options, IOptions<PaymentsOptions> payments) : ISmsSender
{
    public const string HttpClientName = "twilio";

    public async Task<DeliveryResult> SendAsync(string phoneE164, string body, CancellationToken cancellationToken)
    {
        var account = Account();
        var create = new CreateMessageOptions(new PhoneNumber(phoneE164))
        {
            Body = body,
            ValidityPeriod = options.Value.Twilio.ValidityPeriodSeconds,
            // Typographic quotes, dashes or non-breaking spaces would switch the whole text to UCS-2 (70 characters).
            SmartEncoded = true,
        };
        if (!string.IsNullOrWhiteSpace(account.MessagingServiceSid))
        {
            create.MessagingServiceSid = account.MessagingServiceSid;
        }

        if (!string.IsNullOrWhiteSpace(account.FromNumber))
        {
            create.From = new PhoneNumber(account.FromNumber);
        }

        var client = new TwilioRestClient(
            account.User, account.Password, accountSid: account.AccountSid,
            httpClient: new Twilio.Http.SystemNetHttpClient(httpClients.CreateClient(HttpClientName)));
        try
        {
            // No CancellationToken in the library: a shutdown waits for this one request at most the HTTP timeout.
            var message = await MessageResource.CreateAsync(create, client);
            return DeliveryResult.Sent(message.Sid);
        }
        catch (ApiException exception)
        {
            return Classify(exception);
        }
        catch (ApiConnectionException exception)
        {
            // Refused or timed out: a timeout may still have sent it (Twilio has no idempotency key), accepted as rare.
            return DeliveryResult.Transient($"sms connection failed: {exception.InnerException?.GetType().Name ?? "unknown"}");
        }
    }

    /// <summary>The account to use: the configured one, or the demo fake's on the bot's own address.</summary>
    private TwilioAccount Account()
    {
        var twilio = options.Value.Twilio;
        if (options.Value.Provider == SmsProvider.Demo)
        {
            return new TwilioAccount(DemoTwilioServer.AccountSid, DemoTwilioServer.AuthToken, DemoTwilioServer.AccountSid, DemoTwilioServer.FromNumber, null);
        }

        var keyed = !string.IsNullOrWhiteSpace(twilio.ApiKeySid);
        return new TwilioAccount(
            keyed ? twilio.ApiKeySid! : twilio.AccountSid,
            keyed ? twilio.ApiKeySecret! : twilio.AuthToken,
            twilio.AccountSid,
            twilio.FromNumber,
            twilio.MessagingServiceSid);
    }

    /// <summary>Where the library's requests go: Twilio, the configured fake, or the demo fake on the bot itself.</summary>
    internal static Uri ApiBaseOf(SmsOptions sms, PaymentsOptions payments) => sms.Provider == SmsProvider.Demo
        ? new Uri(payments.PublicBaseUrl, DemoTwilioServer.PathPrefix)
        : sms.Twilio.ApiBase;

    internal Uri ApiBase => ApiBaseOf(options.Value, payments.Value);

    private static DeliveryResult Classify(ApiException exception)
    {
        var description = $"sms {exception.Status} {exception.Code}";
        return exception.Code switch
        {
            // The recipient texted STOP to this sender: Twilio refuses (free) until they text START.
            21610 => DeliveryResult.Permanent($"{description} recipient opted out at the carrier"),
            // Too many concurrent requests: "never processed and always safe to retry".
            20429 => DeliveryResult.Transient(description),
            // 8.2.0 reports a 429 or 5xx without a JSON body as Code 0, Status 0: only the message names it.
            0 => DeliveryResult.Transient($"sms {exception.Message}"),
            _ when exception.Status >= 500 => DeliveryResult.Transient(description),
            // Invalid or landline number, bad credentials, sender not allowed: the same send fails again.
            _ => DeliveryResult.Permanent(description),
        };
    }

    private sealed record TwilioAccount(string User, string Password, string AccountSid, string? FromNumber, string? MessagingServiceSid);
}
