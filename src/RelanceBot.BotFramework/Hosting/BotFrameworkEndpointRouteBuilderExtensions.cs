using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace RelanceBot.BotFramework.Hosting;

public static class BotFrameworkEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the channel endpoint (conventionally <c>/api/messages</c>). Every method is routed here so that non-POST
    /// requests get a 405 problem rather than a bare 404.
    /// </summary>
    public static IEndpointConventionBuilder MapBotFramework(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages") =>
        endpoints.Map(pattern, (RequestDelegate)(context => context.RequestServices.GetRequiredService<BotRequestHandler>().HandleAsync(context)))
            .WithDisplayName("Bot Framework messages");
}
