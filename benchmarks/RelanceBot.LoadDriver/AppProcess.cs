using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RelanceBot.LoadDriver;

/// <summary>The real app in its own process, on a SQLite file in a temporary directory, bound to 127.0.0.1.</summary>
internal sealed class AppProcess : IAsyncDisposable
{
    /// <summary>One per driver run, so the benchmark can start Direct Line conversations as a server would.</summary>
    private static readonly string RunSecret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private readonly Process _process;

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The Direct Line secret this run's app was started with (random, never printed).</summary>
    public string DirectLineSecret { get; } = RunSecret;

    /// <summary>CPU the app has used so far (all cores): load-independent cost, unlike wall-clock throughput.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Adds a practice with the app's own CLI; returns its id and API key.</summary>
    public static async Task<(Guid PracticeId, string ApiKey)> AddPracticeAsync(string appPath, string directory)
    {
        var info = StartInfo(appPath, directory, "practices", "add", "--name", "Cabinet Bench", "--practitioner", "Dr Bench");
        info.RedirectStandardOutput = true;
        using var cli = Process.Start(info)!;
        var output = await cli.StandardOutput.ReadToEndAsync();
        await cli.WaitForExitAsync();
        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        var id = lines.Single(line => line.StartsWith("Practice id: ", StringComparison.Ordinal))["Practice id: ".Length..];
        var key = lines.Single(line => line.StartsWith("API key: ", StringComparison.Ordinal))["API key: ".Length..];
        return (Guid.Parse(id), key);
    }

    public static async Task<AppProcess> StartAsync(string appPath, string directory)
    {
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var process = Process.Start(StartInfo(appPath, directory, "--urls", baseAddress.ToString()))!;
        var app = new AppProcess(process, baseAddress);
        using var client = new HttpClient { BaseAddress = baseAddress };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, CancellationToken.None);
        }

        await app.DisposeAsync();
        throw new InvalidOperationException("The app did not answer /health within 30 seconds.");
    }

    private static ProcessStartInfo StartInfo(string appPath, string directory, params string[] arguments)
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
        info.Environment["ConnectionStrings__RelanceBot"] = $"Data Source={Path.Combine(directory, "bench.db")}";
        info.Environment["BotFramework__AllowAnonymous"] = "true";
        // BenchConversation names Web Chat's Connector under expectReplies (nothing is sent to it).
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
