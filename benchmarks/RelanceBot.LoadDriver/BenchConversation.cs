using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace RelanceBot.LoadDriver;

/// <summary>
/// One simulated patient: opens a conversation (on RelanceBot from the practice's page, passing the identity check),
/// then keeps asking for an installment plan, picking 3 and declining, so every turn resumes and stores a dialog
/// stack. The channel that carries the turns is the subclass's.
/// </summary>
internal abstract class BenchConversation : ITurns
{
    private static readonly string[] Cycle = ["je voudrais payer en plusieurs fois", "3", "non"];

    private int _turns;

    public static string LastName(int index) => $"Bench{index.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Opens the conversation; with a practice, as its patient <paramref name="index"/> (RelanceBot's identity check).</summary>
    public async Task OpenAsync(int index, Guid? practiceId, CancellationToken cancellationToken)
    {
        await ConnectAsync(cancellationToken);
        if (practiceId is null)
        {
            // The reference bot has no patients: its greeting and menu open the conversation.
            await SayAsync("bonjour", cancellationToken);
            return;
        }

        await PostAsync($$"""{"type":"event","name":"relancebot/practice","value":{"practiceId":"{{practiceId}}"}""", cancellationToken);
        await SayAsync("je voudrais payer en plusieurs fois", cancellationToken);
        await SayAsync(LastName(index), cancellationToken);
        var verified = await SayAsync("03/02/1980", cancellationToken);
        if (!verified.Contains("3 fois", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Conversation {index} did not reach the plan: {verified}");
        }

        // The identity check left the plan's question open: answer it so the cycle starts from a clean state.
        await SayAsync("3", cancellationToken);
        await SayAsync("non", cancellationToken);
    }

    /// <summary>One turn of the cycle; returns false when the bot did not answer.</summary>
    public async Task<bool> NextTurnAsync(CancellationToken cancellationToken)
        => (await SayAsync(Cycle[_turns++ % Cycle.Length], cancellationToken)).Length > 0;

    protected virtual Task ConnectAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Posts an activity (its JSON without the closing brace, so the channel can add fields); returns the bot's texts.</summary>
    protected abstract Task<string> PostAsync(string activityStart, CancellationToken cancellationToken);

    public async Task<string> SayAsync(string text, CancellationToken cancellationToken)
        => await PostAsync($$"""{"type":"message","text":{{JsonSerializer.Serialize(text)}}""", cancellationToken);
}

/// <summary>Turns posted to <c>/api/messages</c> with <c>deliveryMode: expectReplies</c>: the replies come in the response.</summary>
internal sealed class ExpectRepliesConversation(HttpClient client, string conversationId) : BenchConversation
{
    private static readonly MediaTypeHeaderValue Json = MediaTypeHeaderValue.Parse("application/json");

    private readonly string _conversationId = conversationId;
    private int _activityId;

    protected override async Task<string> PostAsync(string activityStart, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _activityId);
        var body = activityStart + $$""","id":"{{id}}","channelId":"webchat","serviceUrl":"https://webchat.botframework.com/","from":{"id":"user-{{_conversationId}}"},"recipient":{"id":"bot"},"conversation":{"id":"{{_conversationId}}"},"locale":"fr-FR","deliveryMode":"expectReplies"}""";
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = Json;
        using var response = await client.PostAsync("/api/messages", content, cancellationToken);
        var replies = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{(int)response.StatusCode}: {replies}");
        }

        using var document = JsonDocument.Parse(replies);
        return string.Join("\n", document.RootElement.GetProperty("activities").EnumerateArray()
            .Select(activity => activity.TryGetProperty("text", out var reply) ? reply.GetString() : ""));
    }
}
