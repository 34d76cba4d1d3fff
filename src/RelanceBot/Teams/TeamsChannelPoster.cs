using System.Text.Json;
using System.Text.Json.Nodes;
using RelanceBot.BotFramework.Connector;
using RelanceBot.BotFramework.Schema;
using RelanceBot.Conversations;
using RelanceBot.Teams.Cards;

namespace RelanceBot.Teams;

/// <summary>
/// Posts a card, as a new post, to a stored Teams channel. Throttling (429 with Retry-After) is waited out by the
/// connector client's retry pipeline; what still fails surfaces as <see cref="ConnectorException"/>.
/// </summary>
public sealed class TeamsChannelPoster(IConnectorClient connector)
{
    /// <returns>The posted message's id, when the channel returns one.</returns>
    public async Task<string?> PostAsync(ConversationReferenceRecord channel, JsonObject card, CancellationToken cancellationToken)
    {
        var reference = JsonSerializer.Deserialize<ConversationReference>(channel.ReferenceJson, BotFrameworkJson.Options)!;
        var activity = reference.ApplyTo(AdaptiveCardAttachment.Message(card));
        var posted = await connector.SendToConversationAsync(channel.ServiceUrl, channel.ConversationId, activity, cancellationToken);
        return posted.Id;
    }
}
