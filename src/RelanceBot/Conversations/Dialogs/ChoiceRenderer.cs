using System.Globalization;
using System.Text;
using System.Text.Json;
using RelanceBot.BotFramework.Schema;

namespace RelanceBot.Conversations.Dialogs;

internal static class ChoiceRenderer
{
    public static Activity Render(Activity reply, string text, IReadOnlyList<Choice> choices, ChoiceStyle style)
    {
        if (choices.Count == 0)
        {
            return reply with { Text = text };
        }

        if (style == ChoiceStyle.SuggestedActions)
        {
            return reply with
            {
                Text = text,
                SuggestedActions = new SuggestedActions
                {
                    To = reply.Recipient?.Id is { } recipient ? [recipient] : null,
                    Actions = [.. choices.Select(choice => new CardAction { Type = "imBack", Title = choice.Title, Value = JsonSerializer.SerializeToElement(choice.Title) })],
                },
            };
        }

        var numbered = new StringBuilder(text);
        for (var i = 0; i < choices.Count; i++)
        {
            numbered.Append(i == 0 ? "\n\n" : "\n").Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(". ").Append(choices[i].Title);
        }

        return reply with { Text = numbered.ToString() };
    }
}
