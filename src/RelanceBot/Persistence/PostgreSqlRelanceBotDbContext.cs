using Microsoft.EntityFrameworkCore;

namespace RelanceBot.Persistence;

/// <summary>The PostgreSQL flavour; owns the migrations in <c>Persistence/Migrations/PostgreSql</c>.</summary>
public sealed class PostgreSqlRelanceBotDbContext(DbContextOptions<PostgreSqlRelanceBotDbContext> options)
    : RelanceBotDbContext(options);
