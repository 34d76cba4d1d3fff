using Microsoft.Extensions.Options;
using RelanceBot.BotFramework.Hosting;
using RelanceBot.BotFramework.Schema;
using RelanceBot.Outbox;
using RelanceBot.Payments;
using RelanceBot.Patients;
using RelanceBot.Persistence;
using RelanceBot.Sms.DemoTwilio;
using Twilio.Security;

namespace RelanceBot.Sms;

/// <summary>
/// <c>POST /webhooks/twilio/sms</c>: a patient's text. The signature is checked first (403, nothing read further);
/// the text then runs as a turn of the app's bot on the <c>sms</c> conversation of the sender's number, and the bot's
/// answers leave through the outbox as SMS. Twilio gets an empty TwiML answer at once.
/// </summary>
public static partial class TwilioWebhookEndpoint
{
    public const string Path = "/webhooks/twilio/sms";

    private const string EmptyTwiml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Response></Response>";

    public static IEndpointRouteBuilder MapTwilioWebhook(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, (Delegate)HandleAsync).ExcludeFromDescription().AllowAnonymous().DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<SmsOptions>>().Value;
        if (!options.IsEnabled)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "No SMS provider is configured.");
        }

        if (!context.Request.HasFormContentType)
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: "Twilio webhooks are application/x-www-form-urlencoded.");
        }

        Dictionary<string, string> form;
        try
        {
            form = (await context.Request.ReadFormAsync(context.RequestAborted)).ToDictionary(pair => pair.Key, pair => pair.Value.ToString());
        }
        catch (InvalidDataException)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: "The form cannot be read.");
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TwilioWebhookEndpoint));
        if (!IsSignedByTwilio(context, form, options, services.GetRequiredService<IOptions<PaymentsOptions>>().Value))
        {
            // The parameter names help compare with Twilio's debugger (57012); never the token nor the values.
            LogBadSignature(logger, string.Join(",", form.Keys.Order(StringComparer.Ordinal)));
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "The X-Twilio-Signature does not match.");
        }

        if (!PhoneNumberNormalizer.TryNormalize(form.GetValueOrDefault("From") ?? "", out var from)
            || string.IsNullOrEmpty(form.GetValueOrDefault("MessageSid")) || !form.ContainsKey("Body"))
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["From"] = ["An E.164 sender, a MessageSid and a Body are required."] },
                title: "Not an inbound SMS");
        }

        var inbound = Inbound(context, form, from, options);
        var conversations = services.GetRequiredService<SmsConversations>();
        if (await conversations.BindAsync(inbound, context.RequestAborted) is not { } conversation)
        {
            // A number no practice knows: no file to open, no practice to send an answer from.
            LogUnknownSender(logger);
            return Twiml();
        }

        var connector = new SmsReplyConnector(
            services.GetRequiredService<RelanceBotDbContext>(), services.GetRequiredService<IOutbox>(), conversation,
            form["MessageSid"], services.GetRequiredService<TimeProvider>());
        var status = await services.GetRequiredService<InProcessChannel>()
            .RunTurnAsync(context, inbound with { Locale = conversation.Language == PatientLanguage.English ? "en-GB" : "fr-FR" }, connector);
        if (status == InProcessTurnStatus.Failed)
        {
            LogTurnFailed(logger, form["MessageSid"]);
        }

        return Twiml();
    }

    /// <summary>
    /// Twilio signs the URL it called, as configured: the bot's public address, not what Kestrel sees behind a proxy.
    /// Built without a default port (the library would not match a port-less signature against <c>:443</c>).
    /// </summary>
    private static bool IsSignedByTwilio(HttpContext context, Dictionary<string, string> form, SmsOptions sms, PaymentsOptions payments)
    {
        var signature = context.Request.Headers["X-Twilio-Signature"].ToString();
        if (signature.Length == 0)
        {
            return false;
        }

        var publicBase = payments.PublicBaseUrl.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped).TrimEnd('/');
        var url = publicBase + context.Request.PathBase + context.Request.Path + context.Request.QueryString;
        var token = sms.Provider == SmsProvider.Demo ? DemoTwilioServer.AuthToken : sms.Twilio.AuthToken;
        return new RequestValidator(token).Validate(url, form, signature);
    }

    private static Activity Inbound(HttpContext context, Dictionary<string, string> form, string from, SmsOptions options) => new()
    {
        Type = ActivityTypes.Message,
        // Twilio may deliver a webhook twice: the pipeline's deduplicator runs the bot once per MessageSid.
        Id = form["MessageSid"],
        ChannelId = SmsConversations.ChannelId,
        ServiceUrl = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{Path}",
        From = new ChannelAccount { Id = from },
        Recipient = new ChannelAccount { Id = form.GetValueOrDefault("To") is { Length: > 0 } to ? to : options.Twilio.FromNumber ?? "sms" },
        Conversation = new ConversationAccount { Id = from },
        Text = form["Body"],
        Timestamp = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(),
    };

    private static IResult Twiml() => Results.Content(EmptyTwiml, "application/xml; charset=utf-8");

    [LoggerMessage(LogLevel.Warning, "Twilio webhook refused: bad signature (parameters {Parameters}).")]
    private static partial void LogBadSignature(ILogger logger, string parameters);

    [LoggerMessage(LogLevel.Information, "An SMS from a number no patient has was received and ignored.")]
    private static partial void LogUnknownSender(ILogger logger);

    [LoggerMessage(LogLevel.Error, "The bot failed on inbound SMS {MessageSid}.")]
    private static partial void LogTurnFailed(ILogger logger, string messageSid);
}
