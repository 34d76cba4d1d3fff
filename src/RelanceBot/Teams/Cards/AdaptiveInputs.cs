using System.Text.Json.Nodes;

namespace RelanceBot.Teams.Cards;

/// <summary>Card inputs; their values come back keyed by <c>id</c>, merged into the button's data.</summary>
public static class AdaptiveInputs
{
    public static JsonObject Text(string id, string label, int maxLength, bool multiline = false, bool required = false)
    {
        var input = new JsonObject
        {
            ["type"] = "Input.Text",
            ["id"] = id,
            ["label"] = label,
            ["maxLength"] = maxLength,
            ["isMultiline"] = multiline,
        };
        if (required)
        {
            input["isRequired"] = true;
            input["errorMessage"] = label;
        }

        return input;
    }

    public static JsonObject Number(string id, string label, int min, int max, int value) => new()
    {
        ["type"] = "Input.Number",
        ["id"] = id,
        ["label"] = label,
        ["min"] = min,
        ["max"] = max,
        ["value"] = value,
        ["isRequired"] = true,
        ["errorMessage"] = label,
    };

    public static JsonObject Choice(string id, string label, IEnumerable<(string Value, string Title)> choices)
    {
        var list = new JsonArray();
        foreach (var (value, title) in choices)
        {
            list.Add(new JsonObject { ["title"] = title, ["value"] = value });
        }

        return new JsonObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = id,
            ["label"] = label,
            ["style"] = "expanded",
            ["choices"] = list,
            ["value"] = list[0]!["value"]!.DeepClone(),
            ["isRequired"] = true,
            ["errorMessage"] = label,
        };
    }
}
