using System.Diagnostics;
using Npgsql;

namespace RelanceBot.Tests.TestHost;

/// <summary>
/// A real PostgreSQL server for the tests. Uses the server named by <c>RELANCEBOT_TEST_POSTGRES</c> (an admin
/// connection string) when set; otherwise starts a throwaway cluster (<c>initdb</c> + <c>pg_ctl</c>) on a free
/// 127.0.0.1 port in a temporary directory, as the <c>postgres</c> user when the tests run as root.
/// Missing binaries fail the tests: PostgreSQL support is not optional.
/// </summary>
public sealed class PostgreSqlServer : IAsyncLifetime
{
    private const string ServerVariable = "RELANCEBOT_TEST_POSTGRES";
    private const string ServiceUser = "postgres";

    private string? _clusterDirectory;
    private string? _binDirectory;

    public string AdminConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } connectionString)
        {
            AdminConnectionString = connectionString;
            return;
        }

        _binDirectory = FindBinDirectory();
        _clusterDirectory = Directory.CreateTempSubdirectory("relancebot-pg-").FullName;
        if (IsRoot)
        {
            await RunAsync("chown", ServiceUser, _clusterDirectory);
        }

        var dataDirectory = Path.Combine(_clusterDirectory, "data");
        var port = LoopbackPorts.Free();
        await RunPostgresToolAsync("initdb", "-D", dataDirectory, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8");
        await RunPostgresToolAsync(
            "pg_ctl", "-D", dataDirectory, "-l", Path.Combine(_clusterDirectory, "server.log"), "-w", "start",
            "-o", $"-p {port} -k {_clusterDirectory} -c listen_addresses=127.0.0.1 -c fsync=off");
        AdminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"relancebot_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = false, IncludeErrorDetail = true }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (_clusterDirectory is null)
        {
            return;
        }

        await RunPostgresToolAsync("pg_ctl", "-D", Path.Combine(_clusterDirectory, "data"), "-m", "immediate", "-w", "stop");
        Directory.Delete(_clusterDirectory, recursive: true);
    }

    private static bool IsRoot => Environment.UserName == "root";

    private Task RunPostgresToolAsync(string tool, params string[] arguments)
    {
        var executable = Path.Combine(_binDirectory!, tool);
        return IsRoot
            ? RunAsync("runuser", ["-u", ServiceUser, "--", executable, .. arguments])
            : RunAsync(executable, arguments);
    }

    private static async Task RunAsync(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }

    private static string FindBinDirectory()
    {
        var versioned = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(version => Path.Combine(version, "bin"))
            : [];
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Concat(versioned)
            .FirstOrDefault(directory => File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl")))
            ?? throw new InvalidOperationException(
                $"PostgreSQL is required by these tests: install it (apt-get install -y postgresql) or set {ServerVariable}.");
    }
}
