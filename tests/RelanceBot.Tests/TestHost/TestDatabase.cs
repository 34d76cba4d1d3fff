using Microsoft.Data.Sqlite;

namespace RelanceBot.Tests.TestHost;

/// <summary>A SQLite file in its own temporary directory, deleted with it.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("relancebot-tests-").FullName;

    public string FilePath => Path.Combine(_directory, "relancebot.db");

    public string ConnectionString => $"Data Source={FilePath}";

    public string Directory => _directory;

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        // Pooled connections keep the file open; release them so the directory can go.
        SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(_directory))
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
    }
}
