using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RelanceBot.Persistence;

namespace RelanceBot.Tests.TestHost;

/// <summary>
/// The real app behind real Kestrel on 127.0.0.1, on a SQLite file in a temporary directory, with a fake clock.
/// Two factories on the same <see cref="TestDatabase"/> model a restart of the app.
/// </summary>
public sealed class RelanceBotFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase? _sqliteDatabase;
    private readonly bool _ownsDatabase;
    private readonly string _provider;
    private readonly string _connectionString;

    public RelanceBotFactory()
        : this(new TestDatabase(), ownsDatabase: true)
    {
    }

    private RelanceBotFactory(TestDatabase database, bool ownsDatabase)
        : this("Sqlite", database.ConnectionString)
    {
        _sqliteDatabase = database;
        _ownsDatabase = ownsDatabase;
    }

    private RelanceBotFactory(string provider, string connectionString)
    {
        _provider = provider;
        _connectionString = connectionString;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>An app on a SQLite file that outlives it, to stop and start the app on the same file.</summary>
    public static RelanceBotFactory On(TestDatabase database) => new(database, ownsDatabase: false);

    /// <summary>An app on a PostgreSQL database.</summary>
    public static RelanceBotFactory OnPostgreSql(string connectionString) => new("PostgreSql", connectionString);

    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>Runs <paramref name="work"/> on the database context of a scope of its own, as a request would.</summary>
    public async Task<T> WithDbAsync<T>(Func<RelanceBotDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>());
    }

    /// <inheritdoc cref="WithDbAsync{T}"/>
    public async Task WithDbAsync(Func<RelanceBotDbContext, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>());
    }

    /// <summary>Extra configuration, set before the app starts.</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        // Tests look at what is enqueued and send it themselves (OutboxDispatcher.DispatchDueAsync): a background
        // dispatcher racing their assertions would make them flaky. A test that wants it sets this to true.
        ["Outbox:DispatcherEnabled"] = "false",
        // PatientChat posts with the Teams Connector's public address under expectReplies (nothing is sent to it);
        // anonymous mode accepts it only when listed.
        ["BotFramework:AnonymousServiceUrls:0"] = "https://smba.trafficmanager.net/emea/",
    };

    /// <summary>Extra service registrations (test doubles), applied before the app starts.</summary>
    public List<Action<IServiceCollection>> TestServices { get; } = [];

    public TestDatabase Database => _sqliteDatabase ?? throw new InvalidOperationException("This app does not run on SQLite.");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("BotFramework:AllowAnonymous", "true");
        builder.UseSetting("Database:Provider", _provider);
        builder.UseSetting("ConnectionStrings:RelanceBot", _connectionString);
        // Tests drive the scheduled work themselves, on the fake clock.
        builder.UseSetting("Scheduling:RunJobs", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            TestServices.ForEach(configure => configure(services));
        });
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
            _sqliteDatabase?.Dispose();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            _sqliteDatabase?.Dispose();
        }
    }
}
