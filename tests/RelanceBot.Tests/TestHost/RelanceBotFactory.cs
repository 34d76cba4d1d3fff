using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace RelanceBot.Tests.TestHost;

/// <summary>
/// The real app behind real Kestrel on 127.0.0.1, on a SQLite file in a temporary directory, with a fake clock.
/// Two factories on the same <see cref="TestDatabase"/> model a restart of the app.
/// </summary>
public sealed class RelanceBotFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase _database;
    private readonly bool _ownsDatabase;

    public RelanceBotFactory(TestDatabase? database = null)
    {
        _ownsDatabase = database is null;
        _database = database ?? new TestDatabase();
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public TestDatabase Database => _database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("BotFramework:AllowAnonymous", "true");
        builder.UseSetting("ConnectionStrings:RelanceBot", _database.ConnectionString);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public HttpClient CreateApiClient(string apiKey)
    {
        StartServer();
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDatabase)
        {
            _database.Dispose();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            _database.Dispose();
        }
    }
}
