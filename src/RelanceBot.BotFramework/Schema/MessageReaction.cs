using System.Text.Json;
using System.Text.Json.Serialization;

namespace RelanceBot.BotFramework.Schema;

public sealed record MessageReaction
{
    public string? Type { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; init; }
}
