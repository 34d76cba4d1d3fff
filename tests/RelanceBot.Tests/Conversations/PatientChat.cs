using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.Conversations;
using RelanceBot.Persistence;
using RelanceBot.Tests.TestHost;
using Shouldly;

namespace RelanceBot.Tests.Conversations;

/// <summary>
/// A patient talking to the real app through <c>POST /api/messages</c> with <c>deliveryMode: expectReplies</c>, so
/// each turn's replies come back in the HTTP response; or, with <see cref="ConnectorServiceUrl"/>, as a channel does,
/// the replies then going to that Connector.
/// </summary>
public sealed class PatientChat(RelanceBotFactory app, string channelId = "webchat", string? conversationId = null, string locale = "fr-FR")
{
    private int _sequence;

    public string ConversationId { get; } = conversationId ?? $"conv-{Guid.NewGuid():N}";

    public RelanceBotFactory App { get; set; } = app;

    /// <summary>A (fake) Connector the replies are sent to instead of the HTTP response.</summary>
    public string? ConnectorServiceUrl { get; init; }

    /// <summary>Sends <paramref name="text"/>; returns the bot's replies.</summary>
    public Task<IReadOnlyList<JsonObject>> SendAsync(string text) => PostAsync(new JsonObject { ["type"] = "message", ["text"] = text });

    /// <summary>The replies' texts, joined: what the patient reads.</summary>
    public async Task<string> SayAsync(string text) => Read(await SendAsync(text));

    public async Task<string> SendEventAsync(string name, JsonObject value)
        => Read(await PostAsync(new JsonObject { ["type"] = "event", ["name"] = name, ["value"] = value }));

    public async Task<IReadOnlyList<JsonObject>> PostAsync(JsonObject activity)
    {
        activity["id"] = $"{ConversationId}-{++_sequence}";
        activity["channelId"] = channelId;
        activity["serviceUrl"] = ConnectorServiceUrl ?? "https://smba.trafficmanager.net/emea/";
        activity["from"] = new JsonObject { ["id"] = $"user-{ConversationId}", ["name"] = "Patient" };
        activity["recipient"] = new JsonObject { ["id"] = "bot", ["name"] = "RelanceBot" };
        activity["conversation"] = new JsonObject { ["id"] = ConversationId, ["tenantId"] = "tenant-1" };
        activity["locale"] = locale;
        if (ConnectorServiceUrl is null)
        {
            activity["deliveryMode"] = "expectReplies";
        }

        App.StartServer();
        using var client = App.CreateClient();
        var response = await client.PostAsJsonAsync("/api/messages", activity);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
        if (ConnectorServiceUrl is not null)
        {
            return [];
        }

        var body = await response.ReadJsonAsync();
        return [.. body["activities"]!.AsArray().Select(node => node!.AsObject())];
    }

    public static string Read(IReadOnlyList<JsonObject> replies)
        => string.Join("\n---\n", replies.Select(reply => reply["text"]?.GetValue<string>() ?? ""));

    public static IReadOnlyList<string> SuggestedTitles(JsonObject reply)
        => reply["suggestedActions"]?["actions"]?.AsArray().Select(action => action!["title"]!.GetValue<string>()).ToList() ?? [];

    /// <summary>The stored conversation's id, to find what the turn recorded.</summary>
    public async Task<Guid> ReferenceIdAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>();
        return await db.ConversationReferences.Where(reference => reference.ConversationId == ConversationId)
            .Select(reference => reference.Id).SingleAsync();
    }
}
