using System.Text.Json;

namespace RelanceBot.BotFramework.Connector;

/// <summary>
/// Reads the Connector's error bodies: the documented <c>{"error":{"code","message"}}</c> and Teams' variants such as
/// <c>{"errorCode":209,"message":"{\"subCode\":\"MessageWritesBlocked\",...}"}</c> (a JSON document inside a string).
/// Never throws: an unreadable body just yields no code.
/// </summary>
internal static class ConnectorErrorParser
{
    public static (string? Code, string? Message) Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return Parse(document.RootElement);
        }
        catch (JsonException)
        {
            return (null, string.IsNullOrWhiteSpace(body) ? null : Truncate(body));
        }
    }

    private static (string? Code, string? Message) Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, null);
        }

        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            return (GetString(error, "code"), GetString(error, "message"));
        }

        var message = GetString(root, "message");
        if (message is not null && message.TrimStart().StartsWith('{'))
        {
            var (code, details) = ParseNestedMessage(message);
            if (code is not null)
            {
                return (code, details);
            }
        }

        return (GetString(root, "code") ?? GetString(root, "subCode") ?? GetString(root, "errorCode"), message);
    }

    private static (string? Code, string? Message) ParseNestedMessage(string message)
    {
        try
        {
            using var nested = JsonDocument.Parse(message);
            var element = nested.RootElement;
            return element.ValueKind == JsonValueKind.Object
                ? (GetString(element, "subCode") ?? GetString(element, "code"), GetString(element, "details") ?? GetString(element, "message"))
                : (null, null);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) switch
        {
            false => null,
            true when value.ValueKind == JsonValueKind.String => value.GetString(),
            true when value.ValueKind == JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500];
}
