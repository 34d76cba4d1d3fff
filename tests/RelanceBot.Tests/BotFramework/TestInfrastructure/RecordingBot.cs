using System.Collections.Concurrent;
using RelanceBot.BotFramework.Hosting;

namespace RelanceBot.Tests.BotFramework.TestInfrastructure;

/// <summary>Records every turn and delegates the behaviour to <see cref="OnTurn"/> (default: do nothing).</summary>
public sealed class RecordingBot : IBot
{
    public ConcurrentQueue<ITurnContext> Turns { get; } = new();

    public Func<ITurnContext, CancellationToken, Task> OnTurn { get; set; } = (_, _) => Task.CompletedTask;

    public async Task OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        Turns.Enqueue(turn);
        await OnTurn(turn, cancellationToken);
    }
}
