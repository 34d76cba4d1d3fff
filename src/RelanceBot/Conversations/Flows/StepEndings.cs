using RelanceBot.Conversations.Dialogs;

namespace RelanceBot.Conversations.Flows;

internal static class StepEndings
{
    /// <summary>Says <paramref name="text"/> and ends the flow.</summary>
    public static async Task<DialogTurnResult> SayAndEndAsync(this WaterfallStepContext step, string text, CancellationToken cancellationToken)
    {
        await step.SendAsync(text, cancellationToken);
        return await step.EndAsync(cancellationToken);
    }
}
