using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.Persistence;
using RelanceBot.Persistence.Sqlite;
using RelanceBot.Practices;
using RelanceBot.Tests.TestHost;
using SQLitePCL;

namespace RelanceBot.Tests.Persistence.Sqlite;

/// <summary>
/// What SQLite itself reports about a connection's compiled statements: how many there are for a given SQL and how
/// often each ran. A statement compiled once and run three times is the cache working.
/// </summary>
public sealed class SqliteStatementCacheTests(RelanceBotFactory factory) : IClassFixture<RelanceBotFactory>
{
    private const int StatementRuns = 6; // SQLITE_STMTSTATUS_RUN

    [Fact]
    public async Task A_query_run_again_reuses_the_statement_compiled_the_first_time()
    {
        var (scope, db) = await LeaseAsync();
        await using var _ = scope;
        var tag = NewTag();

        for (var run = 0; run < 3; run++)
        {
            (await CountTaggedAsync(db, tag)).ShouldBe(0);
        }

        var statement = Statements(Handle(db), tag).ShouldHaveSingleItem();
        raw.sqlite3_stmt_status(statement, StatementRuns, 0).ShouldBe(3);
    }

    [Fact]
    public async Task The_connection_and_its_statements_outlive_the_lease()
    {
        SqliteConnection connection;
        var tag = NewTag();
        var (scope, db) = await LeaseAsync();
        await using (scope)
        {
            await CountTaggedAsync(db, tag);
            connection = (SqliteConnection)db.Database.GetDbConnection();
        }

        connection.State.ShouldBe(System.Data.ConnectionState.Open);
        Statements(connection.Handle!, tag).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task The_same_query_run_while_its_reader_is_open_gets_a_statement_of_its_own()
    {
        var (scope, db) = await LeaseAsync();
        await using var _ = scope;
        var name = $"Cabinet {Guid.NewGuid():N}";
        db.Practices.Add(Practice.Create(name, "Dr Imbriqué", "Europe/Paris", null, RelanceBotFactory.Start));
        await db.SaveChangesAsync();
        var query = db.Practices.AsNoTracking().Where(practice => practice.Name == name).Select(practice => practice.Name);

        var inner = new List<string>();
        await foreach (var outer in query.AsAsyncEnumerable())
        {
            outer.ShouldBe(name);
            inner.AddRange(await query.ToListAsync());
        }

        inner.ShouldBe([name]);
        (await query.ToListAsync()).ShouldBe([name]);
    }

    [Fact]
    public async Task A_reused_statement_runs_in_the_transaction_of_the_moment()
    {
        var (scope, db) = await LeaseAsync();
        await using var _ = scope;
        var tag = NewTag();
        (await CountTaggedAsync(db, tag)).ShouldBe(0);

        await using (await db.BeginWriteTransactionAsync(CancellationToken.None))
        {
            db.Practices.Add(Practice.Create(tag, "Dr Transaction", "Europe/Paris", null, RelanceBotFactory.Start));
            await db.SaveChangesAsync();
            (await CountTaggedAsync(db, tag)).ShouldBe(1);
        }

        db.ChangeTracker.Clear();
        (await CountTaggedAsync(db, tag)).ShouldBe(0);
        raw.sqlite3_stmt_status(Statements(Handle(db), tag).ShouldHaveSingleItem(), StatementRuns, 0).ShouldBe(3);
    }

    [Fact]
    public async Task A_statement_whose_execution_failed_runs_again_cleanly()
    {
        var (scope, db) = await LeaseAsync();
        await using var _ = scope;
        var first = Practice.Create(NewTag(), "Dr Premier", "Europe/Paris", null, RelanceBotFactory.Start);
        db.Practices.Add(first);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        db.Practices.Add(first);
        await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        var second = Practice.Create(NewTag(), "Dr Second", "Europe/Paris", null, RelanceBotFactory.Start);
        db.Practices.Add(second);
        await db.SaveChangesAsync();

        (await db.Practices.AsNoTracking().CountAsync(practice => practice.Id == first.Id || practice.Id == second.Id)).ShouldBe(2);
    }

    [Fact]
    public async Task A_connection_keeps_a_bounded_number_of_statements_and_answers_every_query()
    {
        var (scope, db) = await LeaseAsync();
        await using var _ = scope;
        var prefix = NewTag();
        var tags = Enumerable.Range(0, SqliteStatementCache.Capacity + 10).Select(i => $"{prefix}-{i}").ToList();

        foreach (var tag in tags)
        {
            (await CountTaggedAsync(db, tag)).ShouldBe(0);
        }

        Statements(Handle(db), prefix).Count.ShouldBe(SqliteStatementCache.Capacity);
        (await CountTaggedAsync(db, tags[0])).ShouldBe(0);
    }

    [Fact]
    public async Task Closing_the_connection_finalizes_its_statements_and_the_next_query_reopens_it()
    {
        var (scope, db) = await LeaseAsync();
        await using var _ = scope;
        var tag = NewTag();
        await CountTaggedAsync(db, tag);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var handle = connection.Handle!;

        await connection.CloseAsync();

        Statements(handle, tag).ShouldBeEmpty();
        await db.Database.OpenConnectionAsync();
        Handle(db).enable_sqlite3_next_stmt(true);
        (await CountTaggedAsync(db, tag)).ShouldBe(0);
        Statements(Handle(db), tag).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Open_connections_holding_statements_do_not_hold_back_a_checkpoint()
    {
        var (scope, db) = await LeaseAsync();
        await using var _ = scope;
        var tag = NewTag();
        db.Practices.Add(Practice.Create(tag, "Dr Checkpoint", "Europe/Paris", null, RelanceBotFactory.Start));
        await db.SaveChangesAsync();
        (await CountTaggedAsync(db, tag)).ShouldBe(1);

        var (logFrames, checkpointedFrames) = await factory.Services.GetRequiredService<SqliteCheckpointer>()
            .CheckpointAsync(CancellationToken.None);

        checkpointedFrames.ShouldBe(logFrames);
    }

    private static string NewTag() => $"statement-cache-{Guid.NewGuid():N}";

    /// <summary>A query whose SQL carries <paramref name="tag"/> (as a comment), so its statement can be found.</summary>
    private static Task<int> CountTaggedAsync(RelanceBotDbContext db, string tag)
        => db.Practices.TagWith(tag).CountAsync(practice => practice.Name == tag);

    private static sqlite3 Handle(RelanceBotDbContext db) => ((SqliteConnection)db.Database.GetDbConnection()).Handle!;

    /// <summary>
    /// A leased context whose connection lists the statements it compiles from now on (SQLitePCL can only list those
    /// it saw being compiled, so the connection first drops the ones from earlier leases).
    /// </summary>
    private async Task<(AsyncServiceScope Scope, RelanceBotDbContext Db)> LeaseAsync()
    {
        var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>();
        await db.Database.GetDbConnection().CloseAsync();
        await db.Database.OpenConnectionAsync();
        Handle(db).enable_sqlite3_next_stmt(true);
        return (scope, db);
    }

    private static List<sqlite3_stmt> Statements(sqlite3 handle, string sqlContaining)
    {
        var found = new List<sqlite3_stmt>();
        for (var statement = raw.sqlite3_next_stmt(handle, null); statement is not null; statement = raw.sqlite3_next_stmt(handle, statement))
        {
            if (raw.sqlite3_sql(statement).utf8_to_string().Contains(sqlContaining, StringComparison.Ordinal))
            {
                found.Add(statement);
            }
        }

        return found;
    }
}
