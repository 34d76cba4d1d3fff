using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace RelanceBot.BotFramework.DirectLine;

public static class DirectLineEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the built-in Direct Line 3.0 endpoint under <c>/v3/directline</c> (Web Chat's <c>domain</c> is
    /// <c>https://host/v3/directline</c>); nothing when <c>DirectLine:Enabled</c> is false.
    /// </summary>
    public static IEndpointConventionBuilder MapDirectLine(this IEndpointRouteBuilder endpoints)
    {
        var directLine = endpoints.MapGroup(DirectLineOptions.BasePath).ExcludeFromDescription();
        if (!endpoints.ServiceProvider.GetRequiredService<IOptions<DirectLineOptions>>().Value.Enabled)
        {
            return directLine;
        }

        directLine.MapPost("/conversations", (HttpContext context, [FromServices] DirectLineRequestHandler handler)
            => handler.StartConversationAsync(context));
        directLine.MapGet("/conversations/{conversationId}", (HttpContext context, string conversationId, [FromQuery] string? watermark, [FromServices] DirectLineRequestHandler handler)
            => handler.ReconnectAsync(context, conversationId, watermark));
        directLine.MapPost("/conversations/{conversationId}/activities", (HttpContext context, string conversationId, [FromServices] DirectLineRequestHandler handler)
            => handler.PostActivityAsync(context, conversationId));
        directLine.MapGet("/conversations/{conversationId}/activities", (HttpContext context, string conversationId, [FromQuery] string? watermark, [FromServices] DirectLineRequestHandler handler)
            => handler.GetActivitiesAsync(context, conversationId, watermark));
        directLine.MapPost("/tokens/refresh", (HttpContext context, [FromServices] DirectLineRequestHandler handler)
            => handler.RefreshTokenAsync(context));
        directLine.MapPost("/tokens/generate", (HttpContext context, [FromServices] DirectLineRequestHandler handler)
            => handler.GenerateTokenAsync(context));

        // The WebSocket middleware only on this route, so the app's pipeline needs no UseWebSockets of its own.
        var stream = endpoints.CreateApplicationBuilder();
        stream.UseWebSockets();
        stream.Run(context => context.RequestServices.GetRequiredService<DirectLineStream>()
            .HandleAsync(context, (string)context.Request.RouteValues["conversationId"]!));
        directLine.MapGet("/conversations/{conversationId}/stream", stream.Build());
        return directLine;
    }
}
