using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RelanceBot.Persistence;
using RelanceBot.Persistence.Sqlite;
using RelanceBot.Tests.TestHost;

namespace RelanceBot.Tests.Persistence.Sqlite;

public sealed class SqliteCheckpointerTests(RelanceBotFactory factory) : IClassFixture<RelanceBotFactory>
{
    [Fact]
    public async Task A_checkpoint_copies_every_logged_write_back_into_the_database()
    {
        await TestPractice.CreateAsync(factory);
        var checkpointer = factory.Services.GetRequiredService<SqliteCheckpointer>();

        var (logFrames, checkpointedFrames) = await checkpointer.CheckpointAsync(CancellationToken.None);

        logFrames.ShouldBeGreaterThan(0);
        checkpointedFrames.ShouldBe(logFrames);
    }

    [Fact]
    public void The_app_runs_the_checkpointer_in_the_background()
    {
        factory.Services.GetServices<IHostedService>().OfType<SqliteCheckpointer>().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Once_writes_stop_the_log_file_is_emptied_after_a_burst()
    {
        await using var app = new RelanceBotFactory();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // About 6 MB of log, as a burst of new conversations would leave.
            await scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>().Database.ExecuteSqlRawAsync("""
                CREATE TABLE WalBurst (Data BLOB);
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
                INSERT INTO WalBurst SELECT randomblob(1024) FROM n;
                """);
        }

        var log = new FileInfo(app.Database.FilePath + "-wal");
        log.Length.ShouldBeGreaterThan(4_000_000);
        var checkpointer = app.Services.GetRequiredService<SqliteCheckpointer>();

        // The first tick copies the burst back; the next one sees nothing new and truncates.
        for (var tick = 0; tick < 3; tick++)
        {
            await checkpointer.TickAsync(CancellationToken.None);
        }

        log.Refresh();
        log.Length.ShouldBe(0);
    }

    [Fact]
    public async Task Every_connection_caps_the_log_file_a_writer_leaves_behind()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>();

        var limit = await db.Database.SqlQueryRaw<long>("SELECT journal_size_limit AS Value FROM pragma_journal_size_limit").SingleAsync();

        limit.ShouldBe(64L * 1024 * 1024);
    }
}
