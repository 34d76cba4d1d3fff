using System.Text.Json;
using System.Text.Json.Serialization;

namespace RelanceBot.BotFramework.Schema;

/// <summary>A card or file; <see cref="Content"/> stays raw JSON (an Adaptive Card, or sometimes a string).</summary>
public sealed record Attachment
{
    public string? ContentType { get; init; }
    public string? ContentUrl { get; init; }
    public JsonElement? Content { get; init; }
    public string? Name { get; init; }
    public string? ThumbnailUrl { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; init; }
}
