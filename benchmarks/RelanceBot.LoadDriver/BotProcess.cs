using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RelanceBot.LoadDriver;

/// <summary>
/// A bot in its own process, bound to 127.0.0.1: RelanceBot (Release, on a fresh SQLite file in a temporary directory
/// or a fresh PostgreSQL database) or the JavaScript SDK's reference bot (node).
/// </summary>
internal sealed class BotProcess : IAsyncDisposable
{
    /// <summary>One per driver run, so the benchmark can start Direct Line conversations as a server would.</summary>
    private static readonly string RunSecret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private readonly Process _process;

    private BotProcess(string name, Process process, Uri baseAddress)
    {
        Name = name;
        _process = process;
        BaseAddress = baseAddress;
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    /// <summary>The Direct Line secret RelanceBot was started with (random, never printed).</summary>
    public static string DirectLineSecret => RunSecret;

    /// <summary>CPU the process has used so far (all cores): load-independent cost, unlike wall-clock throughput.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Resident memory now.</summary>
    public long WorkingSet
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    /// <summary>Adds a practice with RelanceBot's own CLI; returns its id and API key.</summary>
    public static async Task<(Guid PracticeId, string ApiKey)> AddPracticeAsync(string appPath, IReadOnlyDictionary<string, string> database)
    {
        var info = RelanceBotStartInfo(appPath, database, "practices", "add", "--name", "Cabinet Bench", "--practitioner", "Dr Bench");
        info.RedirectStandardOutput = true;
        using var cli = Process.Start(info)!;
        var output = await cli.StandardOutput.ReadToEndAsync();
        await cli.WaitForExitAsync();
        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        var id = lines.Single(line => line.StartsWith("Practice id: ", StringComparison.Ordinal))["Practice id: ".Length..];
        var key = lines.Single(line => line.StartsWith("API key: ", StringComparison.Ordinal))["API key: ".Length..];
        return (Guid.Parse(id), key);
    }

    /// <param name="database">The app's database settings (environment variables).</param>
    public static Task<BotProcess> StartRelanceBotAsync(string appPath, IReadOnlyDictionary<string, string> database)
        => WaitUntilHealthyAsync(LaunchRelanceBot(appPath, database));

    /// <summary>Starts RelanceBot without waiting for it to listen.</summary>
    public static BotProcess LaunchRelanceBot(string appPath, IReadOnlyDictionary<string, string> database)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        return new BotProcess("RelanceBot", Process.Start(RelanceBotStartInfo(appPath, database, "--urls", baseAddress.ToString()))!, baseAddress);
    }

    /// <summary>The reference bot (<c>benchmarks/js-reference-bot</c>, its packages installed with <c>npm ci</c>).</summary>
    public static Task<BotProcess> StartJsBotAsync(string directory)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("node") { WorkingDirectory = directory, UseShellExecute = false, RedirectStandardOutput = true };
        info.ArgumentList.Add("index.js");
        info.Environment["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["NODE_ENV"] = "production";
        return WaitUntilHealthyAsync(new BotProcess("JS SDK", Process.Start(info)!, new Uri($"http://127.0.0.1:{port}/")));
    }

    private static async Task<BotProcess> WaitUntilHealthyAsync(BotProcess bot)
    {
        using var client = new HttpClient { BaseAddress = bot.BaseAddress };
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return bot;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, CancellationToken.None);
        }

        await bot.DisposeAsync();
        throw new InvalidOperationException($"{bot.Name} did not answer /health within 2 minutes.");
    }

    private static ProcessStartInfo RelanceBotStartInfo(string appPath, IReadOnlyDictionary<string, string> database, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(appPath)!,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(appPath);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in database)
        {
            info.Environment[name] = value;
        }

        info.Environment["BotFramework__AllowAnonymous"] = "true";
        // The conversations name Web Chat's Connector under expectReplies (nothing is sent to it).
        info.Environment["BotFramework__AnonymousServiceUrls__0"] = "https://webchat.botframework.com/";
        // No Stripe account for a load test: the local demo checkout stands in, as in the README's demo.
        info.Environment["Payments__Stripe__AllowDemoCheckout"] = "true";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["DirectLine__Secret"] = RunSecret;
        return info;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
