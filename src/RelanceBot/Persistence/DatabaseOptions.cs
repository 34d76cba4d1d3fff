using System.ComponentModel.DataAnnotations;

namespace RelanceBot.Persistence;

public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public const string ConnectionStringName = "RelanceBot";

    public const string DefaultConnectionString = "Data Source=relancebot.db";

    [EnumDataType(typeof(DatabaseProvider))]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Applies pending migrations when the app starts. Right for a single SQLite instance; scaled-out PostgreSQL
    /// deployments turn it off and migrate as a deployment step.
    /// </summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>The configured provider, for registrations that depend on it (they are made before options exist).</summary>
    public static DatabaseProvider ProviderOf(IConfiguration configuration) =>
        configuration.GetSection(SectionName).GetValue(nameof(Provider), DatabaseProvider.Sqlite);
}
