using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RelanceBot.BotFramework;
using RelanceBot.BotFramework.Hosting;
using RelanceBot.BotFramework.Schema;
using Shouldly;

namespace RelanceBot.Tests.BotFramework.Hosting;

public sealed class InMemoryActivityDeduplicatorTests
{
    private static readonly ActivityKey Key = new("msteams", "a:1", "42");
    private readonly FakeTimeProvider _time = new();

    private InMemoryActivityDeduplicator Create(int maxEntries = 100) => new(
        Options.Create(new BotFrameworkOptions { DeduplicationWindow = TimeSpan.FromMinutes(10), DeduplicationMaxEntries = maxEntries }),
        _time);

    [Fact]
    public async Task TryBegin_SecondTimeWithinTheWindow_IsADuplicateWithTheInvokeResponse()
    {
        var deduplicator = Create();
        (await deduplicator.TryBeginAsync(Key, default)).IsDuplicate.ShouldBeFalse();
        await deduplicator.CompleteAsync(Key, new InvokeResponse(200, "done"), default);

        var second = await deduplicator.TryBeginAsync(Key, default);

        second.IsDuplicate.ShouldBeTrue();
        second.PreviousInvokeResponse!.Body.ShouldBe("done");
    }

    [Fact]
    public async Task TryBegin_AfterTheWindow_IsAFirstDeliveryAgain()
    {
        var deduplicator = Create();
        await deduplicator.TryBeginAsync(Key, default);

        _time.Advance(TimeSpan.FromMinutes(10));

        (await deduplicator.TryBeginAsync(Key, default)).IsDuplicate.ShouldBeFalse();
    }

    [Fact]
    public async Task TryBegin_SameIdInAnotherConversation_IsNotADuplicate()
    {
        var deduplicator = Create();
        await deduplicator.TryBeginAsync(Key, default);

        (await deduplicator.TryBeginAsync(Key with { ConversationId = "a:2" }, default)).IsDuplicate.ShouldBeFalse();
    }

    [Fact]
    public async Task TryBegin_BeyondMaxEntries_EvictsTheOldest()
    {
        var deduplicator = Create(maxEntries: 2);
        await deduplicator.TryBeginAsync(Key with { ActivityId = "1" }, default);
        await deduplicator.TryBeginAsync(Key with { ActivityId = "2" }, default);
        await deduplicator.TryBeginAsync(Key with { ActivityId = "3" }, default);

        (await deduplicator.TryBeginAsync(Key with { ActivityId = "3" }, default)).IsDuplicate.ShouldBeTrue();
        (await deduplicator.TryBeginAsync(Key with { ActivityId = "1" }, default)).IsDuplicate.ShouldBeFalse();
    }

    [Fact]
    public async Task Abandon_LetsTheRetryThrough()
    {
        var deduplicator = Create();
        await deduplicator.TryBeginAsync(Key, default);

        await deduplicator.AbandonAsync(Key, default);

        (await deduplicator.TryBeginAsync(Key, default)).IsDuplicate.ShouldBeFalse();
    }
}
