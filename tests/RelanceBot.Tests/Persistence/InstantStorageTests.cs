using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.Persistence;
using RelanceBot.Tests.TestHost;

namespace RelanceBot.Tests.Persistence;

public sealed class InstantStorageTests(RelanceBotFactory factory) : IClassFixture<RelanceBotFactory>
{
    [Fact]
    public async Task Instants_AreComparedAndOrderedInSqlAndReadBackAsUtc()
    {
        var practice = await TestPractice.CreateAsync(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>();

        // SQLite cannot compare DateTimeOffset in SQL: EF would throw here if instants were not stored as UTC DateTime.
        var createdAt = await db.AuditEntries
            .Where(entry => entry.PracticeId == practice.Id && entry.OccurredAt >= RelanceBotFactory.Start.AddHours(-1))
            .OrderByDescending(entry => entry.OccurredAt)
            .Select(entry => entry.OccurredAt)
            .FirstAsync();

        createdAt.ShouldBe(RelanceBotFactory.Start);
        createdAt.Offset.ShouldBe(TimeSpan.Zero);
    }
}
