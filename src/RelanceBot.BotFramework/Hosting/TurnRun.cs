using RelanceBot.BotFramework.Schema;

namespace RelanceBot.BotFramework.Hosting;

internal enum TurnRunStatus
{
    Completed,
    Duplicate,
    Cancelled,
    Failed,
}

/// <summary>How a turn ended, for the channel endpoint that ran it to shape its HTTP answer.</summary>
internal sealed record TurnRun(TurnRunStatus Status, TurnContext? Turn, InvokeResponse? PreviousInvokeResponse)
{
    public static TurnRun Cancelled { get; } = new(TurnRunStatus.Cancelled, null, null);

    public static TurnRun Failed { get; } = new(TurnRunStatus.Failed, null, null);

    public static TurnRun Completed(TurnContext turn) => new(TurnRunStatus.Completed, turn, null);

    public static TurnRun Duplicate(InvokeResponse? previousInvokeResponse) => new(TurnRunStatus.Duplicate, null, previousInvokeResponse);
}
