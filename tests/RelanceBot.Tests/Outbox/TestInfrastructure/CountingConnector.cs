using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RelanceBot.Tests.BotFramework.TestInfrastructure;

namespace RelanceBot.Tests.Outbox.TestInfrastructure;

/// <summary>
/// A Bot Connector on loopback that counts deliveries per message text (each test message has its own text), and
/// lets a test wait until a number of distinct messages arrived.
/// </summary>
public sealed class CountingConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _deliveries = new();
    private readonly ConcurrentBag<(int Count, TaskCompletionSource Reached)> _waiters = [];
    private int _total;

    private CountingConnector(WebApplication app) => _app = app;

    public string ServiceUrl => _app.BaseAddress().AbsoluteUri;

    public int Total => Volatile.Read(ref _total);

    public int Distinct => _deliveries.Count;

    public int Duplicates => Total - Distinct;

    public static async Task<CountingConnector> StartAsync()
    {
        var app = LoopbackServer.CreateBuilder().Build();
        var connector = new CountingConnector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities", (Delegate)connector.ReceiveAsync);
        await app.StartAsync();
        return connector;
    }

    /// <summary>Completes once <paramref name="count"/> distinct messages were delivered.</summary>
    public Task WaitForDistinctAsync(int count, TimeSpan timeout)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters.Add((count, reached));
        Release();
        return reached.Task.WaitAsync(timeout);
    }

    private async Task<IResult> ReceiveAsync(HttpContext context)
    {
        var activity = await JsonNode.ParseAsync(context.Request.Body);
        var text = activity!["text"]!.GetValue<string>();
        _deliveries.AddOrUpdate(text, 1, (_, count) => count + 1);
        var total = Interlocked.Increment(ref _total);
        Release();
        return Results.Ok(new { id = $"activity-{total}" });
    }

    private void Release()
    {
        foreach (var (count, reached) in _waiters)
        {
            if (Distinct >= count)
            {
                reached.TrySetResult();
            }
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
