using Microsoft.EntityFrameworkCore;

namespace RelanceBot.Persistence;

/// <summary>The SQLite flavour; owns the migrations in <c>Persistence/Migrations/Sqlite</c>.</summary>
public sealed class SqliteRelanceBotDbContext(DbContextOptions<SqliteRelanceBotDbContext> options)
    : RelanceBotDbContext(options);
