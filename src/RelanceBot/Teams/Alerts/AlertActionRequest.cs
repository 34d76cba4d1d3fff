using System.Globalization;
using System.Text.Json;

namespace RelanceBot.Teams.Alerts;

/// <summary>
/// A button press on an alert card: the card's data (alert id, verb) merged with the card's inputs. Only the alert id
/// is trusted from it; the practice always comes from the channel the card lives in.
/// </summary>
public sealed record AlertActionRequest(Guid AlertId, AlertVerb Verb, string? Reason, int? Days, string? PaymentMethod, string? Note)
{
    public const string AlertIdKey = "alertId";
    public const string VerbKey = "verb";
    public const string ReasonInput = "reason";
    public const string DaysInput = "days";
    public const string MethodInput = "method";
    public const string NoteInput = "note";

    /// <summary>Whether submitted data comes from one of RelanceBot's alert cards.</summary>
    public static bool IsAlertData(JsonElement? data)
        => data is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty(AlertIdKey, out _);

    /// <summary>Reads card data; <paramref name="verb"/> overrides the data's own verb (Action.Execute carries it apart).</summary>
    public static AlertActionRequest? TryRead(JsonElement? data, string? verb = null)
    {
        if (data is not { ValueKind: JsonValueKind.Object } value
            || !Guid.TryParse(ReadString(value, AlertIdKey), out var alertId)
            || !AlertVerbs.TryParse(verb ?? ReadString(value, VerbKey), out var parsedVerb))
        {
            return null;
        }

        return new AlertActionRequest(
            alertId,
            parsedVerb,
            Clean(ReadString(value, ReasonInput)),
            ReadInt(value, DaysInput),
            Clean(ReadString(value, MethodInput)),
            Clean(ReadString(value, NoteInput)));
    }

    private static string? ReadString(JsonElement value, string name)
        => value.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String ? property.GetString() : null;

    // Teams submits Input.Number values as strings; accept both.
    private static int? ReadInt(JsonElement value, string name)
    {
        if (!value.TryGetProperty(name, out var property))
        {
            return null;
        }

        return property.ValueKind switch
        {
            JsonValueKind.Number when property.TryGetInt32(out var number) => number,
            JsonValueKind.String when int.TryParse(property.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => number,
            _ => null,
        };
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
