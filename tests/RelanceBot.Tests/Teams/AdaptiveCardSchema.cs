using System.Text.Json.Nodes;
using NJsonSchema;

namespace RelanceBot.Tests.Teams;

/// <summary>The official Adaptive Card 1.5 JSON schema (draft-06), kept verbatim in <c>Teams/Schema</c>.</summary>
public static class AdaptiveCardSchema
{
    private static readonly Lazy<Task<JsonSchema>> Schema = new(() =>
        JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "Teams", "Schema", "adaptive-card-1.5.json")));

    /// <summary>The schema's complaints about <paramref name="card"/>, as readable lines; empty when it is valid.</summary>
    public static async Task<IReadOnlyList<string>> ValidateAsync(JsonObject card)
    {
        var schema = await Schema.Value;
        return schema.Validate(card.ToJsonString())
            .Select(error => $"{error.Path}: {error.Kind} {error.Property}")
            .ToList();
    }

    public static async Task ShouldBeValidAsync(JsonObject card)
    {
        var errors = await ValidateAsync(card);
        errors.ShouldBeEmpty($"Card: {card.ToJsonString()}");
    }
}
