using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.Persistence;
using RelanceBot.Persistence.Sqlite;
using RelanceBot.Practices;
using RelanceBot.Tests.TestHost;

namespace RelanceBot.Tests.Persistence.Sqlite;

public sealed class WriteTransactionTests(RelanceBotFactory factory) : IClassFixture<RelanceBotFactory>
{
    [Fact]
    public async Task Another_save_waits_for_a_write_transaction_while_saves_inside_it_go_through()
    {
        await using var writerScope = factory.Services.CreateAsyncScope();
        await using var otherScope = factory.Services.CreateAsyncScope();
        var writer = writerScope.ServiceProvider.GetRequiredService<RelanceBotDbContext>();
        var other = otherScope.ServiceProvider.GetRequiredService<RelanceBotDbContext>();
        var inside = Practice.Create("Cabinet Dedans", "Dr Dedans", "Europe/Paris", null, RelanceBotFactory.Start);
        var outside = Practice.Create("Cabinet Dehors", "Dr Dehors", "Europe/Paris", null, RelanceBotFactory.Start);

        var transaction = await writer.BeginWriteTransactionAsync(CancellationToken.None);
        writer.Practices.Add(inside);
        await writer.SaveChangesAsync();
        other.Practices.Add(outside);
        var waiting = other.SaveChangesAsync();

        // Queued in memory behind the open transaction rather than failing with SQLITE_BUSY.
        waiting.IsCompleted.ShouldBeFalse();
        await transaction.CommitAsync();
        await transaction.DisposeAsync();
        (await waiting.WaitAsync(TimeSpan.FromSeconds(30))).ShouldBeGreaterThan(0);
        var names = await other.Practices.AsNoTracking().Where(practice => practice.Id == inside.Id || practice.Id == outside.Id)
            .Select(practice => practice.Name).ToListAsync();
        names.ShouldBe(["Cabinet Dedans", "Cabinet Dehors"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_write_transaction_left_without_commit_rolls_back_and_frees_the_writer()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>();
        var abandoned = Practice.Create("Cabinet Abandon", "Dr Abandon", "Europe/Paris", null, RelanceBotFactory.Start);

        await using (await db.BeginWriteTransactionAsync(CancellationToken.None))
        {
            db.Practices.Add(abandoned);
            await db.SaveChangesAsync();
        }

        await using var next = factory.Services.CreateAsyncScope();
        var other = next.ServiceProvider.GetRequiredService<RelanceBotDbContext>();
        (await other.Practices.AnyAsync(practice => practice.Id == abandoned.Id)).ShouldBeFalse();
        other.Practices.Add(Practice.Create("Cabinet Suivant", "Dr Suivant", "Europe/Paris", null, RelanceBotFactory.Start));
        (await other.SaveChangesAsync().WaitAsync(TimeSpan.FromSeconds(30))).ShouldBeGreaterThan(0);
    }
}
