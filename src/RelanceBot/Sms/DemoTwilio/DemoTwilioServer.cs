using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RelanceBot.Reminders.Messages;

namespace RelanceBot.Sms.DemoTwilio;

/// <summary>
/// A fake of Twilio's Messages API, for tests and the no-keys demo: it answers the official library with Twilio's
/// shapes (Message JSON with string segment counts and RFC 2822 dates, the legacy error body), keeps what was sent,
/// applies Twilio's STOP/START keywords, and plays the patient by posting signed inbound webhooks to the bot.
/// </summary>
/// <param name="authToken">The account's Auth Token: REST password and webhook signing key (<see cref="AuthToken"/> in the demo).</param>
public sealed partial class DemoTwilioServer(Uri webhookUrl, HttpClient http, TimeProvider time, string authToken = DemoTwilioServer.AuthToken)
{
    public const string PathPrefix = "/_demo/twilio";
    public const string AccountSid = "AC00000000000000000000000000000000";
    public const string AuthToken = "demo-twilio-auth-token-0123456789";
    public const string FromNumber = "+33757000123";

    // Twilio's default opt-out and opt-in keywords (whole body, any case), plus the French ones RelanceBot configures.
    private static readonly HashSet<string> OptOutWords = new(StringComparer.OrdinalIgnoreCase)
        { "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "ARRET", "ARRÊT" };

    private static readonly HashSet<string> OptInWords = new(StringComparer.OrdinalIgnoreCase) { "START", "YES", "UNSTOP" };

    private readonly ConcurrentDictionary<string, JsonObject> _messages = new();
    private readonly ConcurrentQueue<JsonObject> _sent = new();
    private readonly ConcurrentDictionary<string, bool> _optedOut = new();

    /// <summary>The outbound messages, in the order the bot created them.</summary>
    public IReadOnlyList<JsonObject> Sent => [.. _sent];

    public bool IsAuthorized(string? authorization) =>
        authorization == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{authToken}"));

    /// <summary><c>POST /2010-04-01/Accounts/{AC}/Messages.json</c>: the checks Twilio makes, in its order.</summary>
    public (int Status, JsonObject Body) CreateMessage(string accountSid, IReadOnlyDictionary<string, string> form)
    {
        var to = form.GetValueOrDefault("To");
        var body = form.GetValueOrDefault("Body");
        var from = form.GetValueOrDefault("From");
        var service = form.GetValueOrDefault("MessagingServiceSid");
        if (string.IsNullOrEmpty(to))
        {
            return Error(21604, "A 'To' phone number is required.");
        }

        if (!E164().IsMatch(to))
        {
            return Error(21211, $"The 'To' number {to} is not a valid phone number.");
        }

        if (string.IsNullOrEmpty(from) && string.IsNullOrEmpty(service))
        {
            return Error(21603, "A 'From' phone number is required.");
        }

        if (string.IsNullOrEmpty(body))
        {
            return Error(21602, "Message body is required.");
        }

        if (body.Length > 1600)
        {
            return Error(21617, "The concatenated message body exceeds the 1600 character limit.");
        }

        if (_optedOut.ContainsKey(to))
        {
            return Error(21610, "Attempt to send to unsubscribed recipient");
        }

        var sid = "SM" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var now = Rfc2822(time.GetUtcNow());
        var message = new JsonObject
        {
            ["account_sid"] = accountSid,
            ["api_version"] = "2010-04-01",
            ["body"] = body,
            ["date_created"] = now,
            ["date_sent"] = null,
            ["date_updated"] = now,
            ["direction"] = "outbound-api",
            ["error_code"] = null,
            ["error_message"] = null,
            ["from"] = string.IsNullOrEmpty(from) ? null : from,
            ["num_media"] = "0",
            ["num_segments"] = string.IsNullOrEmpty(from) ? "0" : SmsSegments.Count(body).ToString(CultureInfo.InvariantCulture),
            ["price"] = null,
            ["price_unit"] = null,
            ["messaging_service_sid"] = string.IsNullOrEmpty(service) ? null : service,
            ["sid"] = sid,
            ["status"] = string.IsNullOrEmpty(from) ? "accepted" : "queued",
            ["subresource_uris"] = new JsonObject { ["media"] = $"/2010-04-01/Accounts/{accountSid}/Messages/{sid}/Media.json" },
            ["to"] = to,
            ["uri"] = $"/2010-04-01/Accounts/{accountSid}/Messages/{sid}.json",
        };
        _messages[sid] = message;
        _sent.Enqueue(message);
        return (201, message);
    }

    public (int Status, JsonObject Body) FetchMessage(string sid) =>
        _messages.TryGetValue(sid, out var message) ? (200, message) : Error(20404, $"The requested resource /Messages/{sid}.json was not found", 404);

    /// <summary>
    /// The patient texts <paramref name="body"/> from <paramref name="from"/>: Twilio's keyword handling, then the inbound
    /// webhook with Twilio's parameters, signed with the account's Auth Token over the exact URL posted to.
    /// </summary>
    /// <returns>The bot's HTTP status.</returns>
    public async Task<int> SendInboundAsync(string from, string body, CancellationToken cancellationToken)
    {
        var trimmed = body.Trim();
        if (OptOutWords.Contains(trimmed))
        {
            _optedOut[from] = true;
        }
        else if (OptInWords.Contains(trimmed))
        {
            _optedOut.TryRemove(from, out _);
        }

        var sid = "SM" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("ToCountry", "FR"), new("ToState", ""), new("SmsMessageSid", sid), new("NumMedia", "0"), new("ToCity", ""),
            new("FromZip", ""), new("SmsSid", sid), new("FromState", ""), new("SmsStatus", "received"), new("FromCity", ""),
            new("Body", body), new("FromCountry", "FR"), new("To", FromNumber), new("ToZip", ""), new("NumSegments", "1"),
            new("MessageSid", sid), new("AccountSid", AccountSid), new("From", from), new("ApiVersion", "2010-04-01"),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, webhookUrl) { Content = new FormUrlEncodedContent(parameters) };
        request.Headers.Add("X-Twilio-Signature", Sign(webhookUrl.OriginalString, parameters, authToken));
        using var response = await http.SendAsync(request, cancellationToken);
        return (int)response.StatusCode;
    }

    /// <summary>Twilio's webhook signature: HMAC-SHA1 of the URL followed by every parameter, sorted by name, as name + value.</summary>
    public static string Sign(string url, IEnumerable<KeyValuePair<string, string>> parameters, string authToken)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in parameters.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            data.Append(name).Append(value);
        }

        // Twilio's algorithm, not a choice: its webhooks are signed with HMAC-SHA1.
#pragma warning disable CA5350
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
    }

    public static (int Status, JsonObject Body) Error(int code, string message, int status = 400) => (status, new JsonObject
    {
        ["code"] = code,
        ["message"] = message,
        ["more_info"] = $"https://www.twilio.com/docs/errors/{code}",
        ["status"] = status,
    });

    private static string Rfc2822(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();
}
