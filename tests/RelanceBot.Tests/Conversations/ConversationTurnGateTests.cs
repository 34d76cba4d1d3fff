using RelanceBot.Conversations;
using Shouldly;

namespace RelanceBot.Tests.Conversations;

public sealed class ConversationTurnGateTests
{
    [Fact]
    public async Task SecondTurnOfAConversation_WaitsForTheFirst_WhileAnotherConversationGoesAhead()
    {
        var gate = new ConversationTurnGate();
        var first = await gate.EnterAsync("webchat/a", CancellationToken.None);

        var second = gate.EnterAsync("webchat/a", CancellationToken.None);
        using (await gate.EnterAsync("webchat/b", CancellationToken.None))
        {
            second.IsCompleted.ShouldBeFalse();
        }

        first.Dispose();
        (await second).Dispose();
        gate.ActiveConversations.ShouldBe(0, "an ended conversation leaves nothing behind");
    }

    [Fact]
    public async Task CancelledWait_LeavesTheConversationFree()
    {
        var gate = new ConversationTurnGate();
        var first = await gate.EnterAsync("webchat/a", CancellationToken.None);
        using var cancellation = new CancellationTokenSource();

        var waiting = gate.EnterAsync("webchat/a", cancellation.Token);
        await cancellation.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(waiting);
        first.Dispose();
        gate.ActiveConversations.ShouldBe(0);
    }
}
