using System.Text.Json;
using System.Text.Json.Serialization;

namespace RelanceBot.BotFramework.Schema;

/// <summary>A user or bot on a channel (Teams adds email, userPrincipalName, tenantId... kept in <see cref="Properties"/>).</summary>
public sealed record ChannelAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }
    public string? Role { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; init; }
}
