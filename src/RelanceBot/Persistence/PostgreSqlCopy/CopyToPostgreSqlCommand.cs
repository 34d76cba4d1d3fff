using System.CommandLine;
using Npgsql;
using RelanceBot.Cli;

namespace RelanceBot.Persistence.PostgreSqlCopy;

/// <summary>
/// <c>copy-to-postgresql --to "&lt;connection string&gt;"</c>: copies the app's SQLite database into an empty
/// PostgreSQL database (<see cref="SqliteToPostgreSqlCopy"/>), then the app moves over with
/// <c>Database:Provider=PostgreSql</c> and that connection string.
/// </summary>
public static class CopyToPostgreSqlCommand
{
    public const string Name = "copy-to-postgresql";

    public static Command Create(IServiceProvider services)
    {
        var to = new Option<string>("--to")
        {
            Description = "Npgsql connection string of the empty target database (Host=…;Database=…;Username=…;Password=…).",
            Required = true,
        };
        var command = new Command(Name, "Copy this app's SQLite database into an empty PostgreSQL database, in one transaction.") { to };
        command.SetAction((parseResult, cancellationToken) => CommandScope.RunAsync(services, Name, async scoped =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            if (Target(parseResult.GetValue(to)!) is not { } target)
            {
                await error.WriteLineAsync("--to: not a PostgreSQL connection string (Host=…;Database=…;Username=…;Password=…).");
                return 1;
            }

            CopyReport report;
            try
            {
                report = await scoped.GetRequiredService<SqliteToPostgreSqlCopy>().CopyAsync(target.ConnectionString, cancellationToken);
            }
            catch (NpgsqlException exception)
            {
                // Npgsql's messages name the server and the failure, never the password.
                await error.WriteLineAsync($"PostgreSQL at {target.Host}/{target.Database}: {exception.Message} Nothing was copied.");
                return 1;
            }

            if (report.Refusal is { } refusal)
            {
                await error.WriteLineAsync($"Nothing copied: {refusal}");
                return 1;
            }

            foreach (var table in report.Tables)
            {
                await output.WriteLineAsync($"{table.Table,-32} {table.Rows,12:N0} rows");
            }

            await output.WriteLineAsync(
                $"Copied {report.Tables.Sum(table => table.Rows):N0} rows in {report.Tables.Count} tables to {target.Host}/{target.Database}; "
                + "every table's row count matches. Start the app with Database__Provider=PostgreSql and this connection string.");
            return 0;
        }, cancellationToken));
        return command;
    }

    private static NpgsqlConnectionStringBuilder? Target(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return string.IsNullOrWhiteSpace(builder.Host) ? null : builder;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
