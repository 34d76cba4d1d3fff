using System.Text.Json;
using System.Text.Json.Nodes;

namespace RelanceBot.Tests.Teams;

public static class CardText
{
    /// <summary>Every string in a card, unescaped and joined, to assert on what a person would read.</summary>
    public static string Of(JsonNode? card) => card switch
    {
        JsonObject obj => string.Join('\n', obj.Select(property => Of(property.Value))),
        JsonArray array => string.Join('\n', array.Select(Of)),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => "",
    };
}
