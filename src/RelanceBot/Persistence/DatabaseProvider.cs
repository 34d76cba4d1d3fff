namespace RelanceBot.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
