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
    public void TryBegin_SecondTimeWithinTheWindow_IsADuplicateWithTheInvokeResponse()
    {
        var deduplicator = Create();
        deduplicator.TryBegin(Key).IsDuplicate.ShouldBeFalse();
        deduplicator.Complete(Key, new InvokeResponse(200, "done"));

        var second = deduplicator.TryBegin(Key);

        second.IsDuplicate.ShouldBeTrue();
        second.PreviousInvokeResponse!.Body.ShouldBe("done");
    }

    [Fact]
    public void TryBegin_AfterTheWindow_IsAFirstDeliveryAgain()
    {
        var deduplicator = Create();
        deduplicator.TryBegin(Key);

        _time.Advance(TimeSpan.FromMinutes(10));

        deduplicator.TryBegin(Key).IsDuplicate.ShouldBeFalse();
    }

    [Fact]
    public void TryBegin_SameIdInAnotherConversation_IsNotADuplicate()
    {
        var deduplicator = Create();
        deduplicator.TryBegin(Key);

        deduplicator.TryBegin(Key with { ConversationId = "a:2" }).IsDuplicate.ShouldBeFalse();
    }

    [Fact]
    public void TryBegin_BeyondMaxEntries_EvictsTheOldest()
    {
        var deduplicator = Create(maxEntries: 2);
        deduplicator.TryBegin(Key with { ActivityId = "1" });
        deduplicator.TryBegin(Key with { ActivityId = "2" });
        deduplicator.TryBegin(Key with { ActivityId = "3" });

        deduplicator.TryBegin(Key with { ActivityId = "3" }).IsDuplicate.ShouldBeTrue();
        deduplicator.TryBegin(Key with { ActivityId = "1" }).IsDuplicate.ShouldBeFalse();
    }

    [Fact]
    public void Abandon_LetsTheRetryThrough()
    {
        var deduplicator = Create();
        deduplicator.TryBegin(Key);

        deduplicator.Abandon(Key);

        deduplicator.TryBegin(Key).IsDuplicate.ShouldBeFalse();
    }
}
