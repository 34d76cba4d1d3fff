using System.Globalization;
using System.Text;
using System.Text.Json;
using RelanceBot.BotFramework.Schema;
using RelanceBot.Outbox;

namespace RelanceBot.Delivery;

/// <summary>Turns outbox content into a message activity suited to the conversation's channel.</summary>
internal static class ChatActivities
{
    private const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public static Activity Create(ConversationReference reference, OutboxContent content)
    {
        // SMS shows no buttons: the choices become numbered lines the patient answers by number.
        var isSms = string.Equals(reference.ChannelId, DeliveryTarget.SmsChannelId, StringComparison.OrdinalIgnoreCase);
        var activity = reference.CreateMessageActivity(isSms ? WithNumberedChoices(content) : content.Text);
        if (!isSms && content.Actions.Count > 0)
        {
            activity = activity with
            {
                SuggestedActions = new SuggestedActions
                {
                    Actions = [.. content.Actions.Select(action => new CardAction
                    {
                        Type = "imBack",
                        Title = action.Title,
                        Value = JsonSerializer.SerializeToElement(action.Value),
                    })],
                },
            };
        }

        if (!isSms && content.AdaptiveCardJson is { } card)
        {
            // The card travels alone: with text beside it Teams splits the message and returns no id to update it by.
            using var document = JsonDocument.Parse(card);
            activity = activity with
            {
                Text = null,
                Attachments = [new Attachment { ContentType = AdaptiveCardContentType, Content = document.RootElement.Clone() }],
            };
        }

        return activity;
    }

    /// <summary>The text with its choices as numbered lines, for channels that show no buttons (SMS).</summary>
    public static string WithNumberedChoices(OutboxContent content)
    {
        if (content.Actions.Count == 0)
        {
            return content.Text;
        }

        var text = new StringBuilder(content.Text).Append('\n');
        for (var index = 0; index < content.Actions.Count; index++)
        {
            text.Append('\n').Append((index + 1).ToString(CultureInfo.InvariantCulture)).Append(". ").Append(content.Actions[index].Title);
        }

        return text.ToString();
    }
}
