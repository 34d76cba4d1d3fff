using System.Text.Json.Nodes;

namespace RelanceBot.Teams.Cards;

/// <summary>Card buttons. Every button carries its verb in its data too, so the Action.Submit fallback works the same.</summary>
public static class AdaptiveActions
{
    /// <summary>
    /// A Universal Action (an <c>adaptiveCard/action</c> invoke answered with a refreshed card), falling back to
    /// Action.Submit on clients without Universal Actions.
    /// </summary>
    public static JsonObject Execute(string title, string verb, JsonObject data, CardActionStyle style = CardActionStyle.Default)
    {
        data["verb"] = verb;
        var submit = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = data.DeepClone() };
        var execute = new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = title,
            ["verb"] = verb,
            ["data"] = data,
            ["fallback"] = submit,
        };
        if (style != CardActionStyle.Default)
        {
            var name = style == CardActionStyle.Positive ? "positive" : "destructive";
            execute["style"] = name;
            submit["style"] = name;
        }

        return execute;
    }

    /// <summary>A button that opens a link in the browser (a document to download).</summary>
    public static JsonObject OpenUrl(string title, string url)
        => new() { ["type"] = "Action.OpenUrl", ["title"] = title, ["url"] = url };

    /// <summary>A button that unfolds a small form (reason, number of days...) with its own confirm button.</summary>
    public static JsonObject ShowCard(string title, JsonObject card)
        => new() { ["type"] = "Action.ShowCard", ["title"] = title, ["card"] = card };
}
