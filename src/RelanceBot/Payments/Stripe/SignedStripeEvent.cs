using System.Text.Json;
using Stripe;
using StripeEvent = Stripe.Event;

namespace RelanceBot.Payments.Stripe;

/// <summary>
/// The body of a webhook delivery whose signature is already verified, read into an event only if it has the envelope
/// the processor relies on: an id, a type, an API version and a <c>data.object</c> with its own type and id. A signed
/// body can still be anything (<c>[]</c>, <c>{}</c>, a test payload pasted by hand): Stripe.net answers those with
/// NullReferenceException or a JSON error, which must be a 400, not a 500.
/// </summary>
public sealed record SignedStripeEvent(StripeEvent? Event, string? EventId, string? Problem)
{
    /// <summary>Stripe's ids are short (<c>evt_</c> and a few dozen characters); a longer one is not Stripe's.</summary>
    private const int MaxIdLength = 255;

    public static SignedStripeEvent Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        string? eventId;
        try
        {
            using var document = JsonDocument.Parse(json);
            eventId = EnvelopeId(document.RootElement);
            if (EnvelopeProblem(document.RootElement) is { } problem)
            {
                return new SignedStripeEvent(null, eventId, problem);
            }
        }
        catch (JsonException)
        {
            return new SignedStripeEvent(null, null, "not JSON");
        }

        try
        {
            return new SignedStripeEvent(EventUtility.ParseEvent(json), eventId, null);
        }
        catch (StripeException)
        {
            return new SignedStripeEvent(null, eventId, "API version of another release train");
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Stripe.net's reader throws whatever its converters meet (JSON, format, cast, null reference errors) on
            // a value of the wrong type deep in the object: all of them mean this body is not an event.
            return new SignedStripeEvent(null, eventId, $"unreadable event ({exception.GetType().Name})");
        }
    }

    private static string? EnvelopeProblem(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return "not a JSON object";
        }

        if (EnvelopeId(root) is null)
        {
            return "no event id";
        }

        if (!HasText(root, "type") || !HasText(root, "api_version"))
        {
            return "no type or API version";
        }

        return root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty("object", out var dataObject) && dataObject.ValueKind == JsonValueKind.Object
            && HasText(dataObject, "object") && HasText(dataObject, "id")
                ? null
                : "no data.object with its type and id";
    }

    /// <summary>The event's id when it looks like one (logged, so nothing else from the body is).</summary>
    private static string? EnvelopeId(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
        && id.GetString() is { Length: > 0 and <= MaxIdLength } text && text.All(character => char.IsAsciiLetterOrDigit(character) || character == '_')
            ? text
            : null;

    private static bool HasText(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 };
}
