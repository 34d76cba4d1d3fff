using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace RelanceBot.Tests.BotFramework.TestInfrastructure;

/// <summary>A Bot Connector on loopback: records each request and answers from a script, else 200 <c>{"id"}</c>.</summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpResponse, Task>> _scriptedResponses = new();
    private int _sequence;

    private FakeConnector(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>The serviceUrl to put in activities (with the conventional trailing slash and a region segment).</summary>
    public string ServiceUrl => new Uri(_app.BaseAddress(), "/emea/").AbsoluteUri;

    public static async Task<FakeConnector> StartAsync()
    {
        var app = LoopbackServer.CreateBuilder().Build();
        var connector = new FakeConnector(app);
        app.Run(connector.HandleAsync);
        await app.StartAsync();
        return connector;
    }

    public void Enqueue(int statusCode, string? body = null, params (string Name, string Value)[] headers) =>
        _scriptedResponses.Enqueue(async response =>
        {
            response.StatusCode = statusCode;
            foreach (var (name, value) in headers)
            {
                response.Headers[name] = value;
            }

            if (body is not null)
            {
                response.ContentType = "application/json";
                await response.WriteAsync(body);
            }
        });

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        Requests.Enqueue(new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value! + context.Request.QueryString,
            // The raw target shows whether ids were percent-encoded on the wire.
            context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget,
            context.Request.Headers.Authorization.ToString(),
            body.Length == 0 ? null : JsonNode.Parse(body)));

        if (_scriptedResponses.TryDequeue(out var scripted))
        {
            await scripted(context.Response);
            return;
        }

        await context.Response.WriteAsJsonAsync(new { id = $"sent-{Interlocked.Increment(ref _sequence)}" });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed record RecordedRequest(string Method, string Path, string RawTarget, string Authorization, JsonNode? Body);
