namespace RelanceBot.Persistence;

/// <summary>
/// A mutable aggregate guarded by an application-managed concurrency token, renewed on every save
/// (SQLite has no database-generated row version).
/// </summary>
public interface IConcurrencyVersioned
{
    Guid Version { get; }
}
