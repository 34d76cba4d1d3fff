using System.Text.Json;
using System.Text.Json.Nodes;
using RelanceBot.BotFramework.Schema;

namespace RelanceBot.Teams.Cards;

public static class AdaptiveCardAttachment
{
    /// <summary>
    /// A message carrying the card alone: with text beside it Teams splits the message and returns no id, and the card
    /// could then never be updated.
    /// </summary>
    public static Activity Message(JsonObject card) => new()
    {
        Type = ActivityTypes.Message,
        Attachments = [new Attachment { ContentType = AdaptiveCardBuilder.ContentType, Content = JsonSerializer.SerializeToElement(card) }],
    };
}
