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
}
