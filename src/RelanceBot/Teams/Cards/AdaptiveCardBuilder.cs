using System.Text.Json.Nodes;

namespace RelanceBot.Teams.Cards;

/// <summary>
/// Builds Adaptive Card 1.5 JSON (the AdaptiveCards package is not available): only the elements RelanceBot uses,
/// each written as the official schema names it, so every card validates against that schema.
/// </summary>
public sealed class AdaptiveCardBuilder
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Version = "1.5";
    private const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";

    private readonly JsonArray _body = [];
    private readonly JsonArray _actions = [];

    public AdaptiveCardBuilder Heading(string text) => Add(new JsonObject
    {
        ["type"] = "TextBlock",
        ["text"] = text,
        ["size"] = "Medium",
        ["weight"] = "Bolder",
        ["wrap"] = true,
        ["style"] = "heading",
    });

    public AdaptiveCardBuilder Text(string text, CardTextTone tone = CardTextTone.Default)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        switch (tone)
        {
            case CardTextTone.Subtle:
                block["isSubtle"] = true;
                break;
            case CardTextTone.Attention:
                block["color"] = "Attention";
                block["weight"] = "Bolder";
                break;
            case CardTextTone.Good:
                block["color"] = "Good";
                block["weight"] = "Bolder";
                break;
        }

        return Add(block);
    }

    public AdaptiveCardBuilder Facts(IEnumerable<CardFact> facts)
    {
        var list = new JsonArray();
        foreach (var fact in facts)
        {
            list.Add(new JsonObject { ["title"] = fact.Title, ["value"] = fact.Value });
        }

        return list.Count == 0 ? this : Add(new JsonObject { ["type"] = "FactSet", ["facts"] = list });
    }

    /// <summary>Someone else's words, set apart from the bot's own text.</summary>
    public AdaptiveCardBuilder Quote(string caption, string text) => Add(new JsonObject
    {
        ["type"] = "Container",
        ["style"] = "emphasis",
        ["items"] = new JsonArray(
            new JsonObject { ["type"] = "TextBlock", ["text"] = caption, ["isSubtle"] = true, ["wrap"] = true, ["size"] = "Small" },
            new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true }),
    });

    public AdaptiveCardBuilder Input(JsonObject input) => Add(input);

    public AdaptiveCardBuilder Action(JsonObject action)
    {
        _actions.Add(action);
        return this;
    }

    /// <summary>The top-level card, with the text old clients show instead.</summary>
    public JsonObject Build(string fallbackText, string language)
    {
        var card = BuildNested();
        card["$schema"] = SchemaUrl;
        card["version"] = Version;
        card["lang"] = language;
        card["fallbackText"] = fallbackText;
        return card;
    }

    /// <summary>A card shown inside an <c>Action.ShowCard</c> (no version of its own).</summary>
    public JsonObject BuildNested()
    {
        var card = new JsonObject { ["type"] = "AdaptiveCard", ["body"] = _body.DeepClone() };
        if (_actions.Count > 0)
        {
            card["actions"] = _actions.DeepClone();
        }

        return card;
    }

    private AdaptiveCardBuilder Add(JsonObject element)
    {
        _body.Add(element);
        return this;
    }
}
