using RelanceBot.Conversations.Dialogs;
using RelanceBot.PatientRequests;

namespace RelanceBot.Conversations.Flows;

/// <summary>stop: this channel is opted out at once (saved with the turn), the patient is told, and so are staff.</summary>
public sealed class StopFlow(PatientSession session, StopMessages stopMessages) : IPatientFlow
{
    public Dialog Dialog => new WaterfallDialog(FlowIds.Stop, [OptOutAsync]);

    private async Task<DialogTurnResult> OptOutAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (session.PatientId is null)
        {
            return await step.SayAndEndAsync(session.Say("stop-unknown"), cancellationToken);
        }

        var file = await session.FileAsync(cancellationToken);
        var words = step.OptionsAs<FlowRequest>()?.Words ?? step.Context.Text;
        await stopMessages.StageAsync(file.PracticeId, file.PatientId, StopScope.Conversation(session.Conversation.Id), words, cancellationToken);
        return await step.SayAndEndAsync(session.Say("stop-confirmed"), cancellationToken);
    }
}
