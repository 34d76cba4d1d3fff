using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RelanceBot.Tests.BotFramework.TestInfrastructure;

/// <summary>Starts a minimal <see cref="WebApplication"/> on 127.0.0.1 with ephemeral ports.</summary>
public static class LoopbackServer
{
    public static WebApplicationBuilder CreateBuilder(string environmentName = "Production")
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environmentName });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        return builder;
    }

    public static IReadOnlyList<Uri> Addresses(this WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Select(address => new Uri(address)).ToList();

    public static Uri BaseAddress(this WebApplication app, string scheme = "http") =>
        app.Addresses().First(address => address.Scheme == scheme);
}
