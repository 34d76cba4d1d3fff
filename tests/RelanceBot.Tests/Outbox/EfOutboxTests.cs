using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.Outbox;
using RelanceBot.Persistence;
using RelanceBot.Tests.TestHost;

namespace RelanceBot.Tests.Outbox;

public sealed class EfOutboxTests(RelanceBotFactory sqlite, PostgreSqlServer postgreSql)
    : IClassFixture<RelanceBotFactory>, IClassFixture<PostgreSqlServer>
{
    [Fact]
    public Task EnqueueMany_SkipsKeysAlreadySavedPendingOrRepeated_AndWritesTheRestInTheTransaction() =>
        EnqueueManySkipsTakenKeysAsync(sqlite);

    // PostgreSQL gets multi-row inserts, where a taken key must skip only its own row.
    [Fact]
    public async Task EnqueueMany_OnPostgreSql_SkipsKeysAlreadySavedPendingOrRepeated()
    {
        await using var factory = RelanceBotFactory.OnPostgreSql(await postgreSql.CreateDatabaseAsync());
        await EnqueueManySkipsTakenKeysAsync(factory);
    }

    private static async Task EnqueueManySkipsTakenKeysAsync(RelanceBotFactory factory)
    {
        var practice = await TestPractice.CreateAsync(factory);
        var prefix = Guid.NewGuid().ToString("N");
        OutgoingMessage Message(string key, string text = "Bonjour") =>
            new($"{prefix}:{key}", practice.Id, OutboxPurpose.Reminder, DeliveryTarget.SmsNumber("+33612345678"), new OutboxContent(text));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
            (await outbox.EnqueueAsync(Message("saved"), CancellationToken.None)).ShouldBeTrue();
            await scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>().SaveChangesAsync();
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>();
            var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
            (await outbox.EnqueueAsync(Message("pending"), CancellationToken.None)).ShouldBeTrue();
            await using var transaction = await db.Database.BeginTransactionAsync();

            var added = await outbox.EnqueueAsync(
                [Message("saved"), Message("pending"), Message("new"), Message("new", "Second copy"), Message("other")],
                CancellationToken.None);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();

            added.ShouldBe(2);
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>();
            var stored = await db.OutboxMessages.AsNoTracking()
                .Where(message => message.IdempotencyKey.StartsWith(prefix)).ToListAsync();
            stored.Select(message => message.IdempotencyKey[(prefix.Length + 1)..])
                .ShouldBe(["saved", "pending", "new", "other"], ignoreOrder: true);
            stored.Single(message => message.IdempotencyKey.EndsWith(":new", StringComparison.Ordinal)).Content.Text.ShouldBe("Bonjour");
        }
    }
}
