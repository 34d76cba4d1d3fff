using System.Text.Json;
using System.Text.Json.Serialization;

namespace RelanceBot.BotFramework.Schema;

/// <summary>
/// An entity (<c>mention</c>, <c>clientInfo</c>...). Only <see cref="Type"/> is typed; everything else is kept raw
/// because each entity type has its own shape.
/// </summary>
public sealed record Entity
{
    public string? Type { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; init; }
}
