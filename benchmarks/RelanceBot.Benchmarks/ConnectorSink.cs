using System.Net;

namespace RelanceBot.Benchmarks;

/// <summary>A Bot Connector on 127.0.0.1 that accepts every activity and counts them, as fast as Kestrel allows.</summary>
internal sealed class ConnectorSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskCompletionSource _reachedTarget = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _target;
    private int _received;

    private ConnectorSink(WebApplication app, int target)
    {
        _app = app;
        _target = target;
        app.MapPost("/v3/conversations/{conversationId}/activities", () =>
        {
            var count = Interlocked.Increment(ref _received);
            if (count == _target)
            {
                _reachedTarget.TrySetResult();
            }

            return Results.Ok(new { id = $"activity-{count}" });
        });
    }

    public string ServiceUrl => _app.Urls.First().TrimEnd('/') + "/";

    public int Received => Volatile.Read(ref _received);

    public Task ReachedTarget => _reachedTarget.Task;

    public static async Task<ConnectorSink> StartAsync(int target)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var sink = new ConnectorSink(builder.Build(), target);
        await sink._app.StartAsync();
        return sink;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
