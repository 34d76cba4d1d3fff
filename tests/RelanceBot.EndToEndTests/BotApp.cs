using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace RelanceBot.EndToEndTests;

/// <summary>The real bot on real Kestrel (127.0.0.1), anonymous local mode, on a fresh SQLite file.</summary>
public sealed class BotApp : WebApplicationFactory<Program>
{
    private readonly string _directory = Directory.CreateTempSubdirectory("relancebot-e2e-").FullName;

    public BotApp() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    public Uri MessagesEndpoint
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
                .Addresses.Single();
            return new Uri(new Uri(address), "/api/messages");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:RelanceBot", $"Data Source={Path.Combine(_directory, "relancebot.db")}");
        // Tests post alert cards and digests themselves rather than wait for the every-minute jobs.
        builder.UseSetting("Scheduling:RunJobs", "false");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
