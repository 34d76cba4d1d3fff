using RelanceBot.Conversations.Dialogs;

namespace RelanceBot.Conversations.Flows;

/// <summary>stop: this channel is opted out at once (saved with the turn), the patient is told, and so are staff.</summary>
public sealed class StopFlow(OptOuts optOuts) : IPatientFlow
{
    public Dialog Dialog => new WaterfallDialog(FlowIds.Stop, [OptOutAsync]);

    private async Task<DialogTurnResult> OptOutAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var words = step.OptionsAs<FlowRequest>()?.Words ?? step.Context.Text;
        return await step.SayAndEndAsync(await optOuts.RecordAsync(words, cancellationToken), cancellationToken);
    }
}
