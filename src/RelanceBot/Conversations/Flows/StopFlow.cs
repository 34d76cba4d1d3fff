using RelanceBot.Conversations.Dialogs;
using RelanceBot.Outbox;

namespace RelanceBot.Conversations.Flows;

/// <summary>
/// stop: this channel is opted out at once (saved with the turn), the patient is told, and so are staff. Then, when
/// other channels still carry reminders, the patient chooses whether they stop too: "this channel" or "everything",
/// and what is recorded is what they chose. Not by SMS: after STOP a carrier allows one confirmation, not a question.
/// </summary>
public sealed class StopFlow(PatientSession session, OptOuts optOuts) : IPatientFlow
{
    public Dialog Dialog => new WaterfallDialog(FlowIds.Stop, [OptOutAsync, StopEverythingAsync]);

    private async Task<DialogTurnResult> OptOutAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var words = step.OptionsAs<FlowRequest>()?.Words ?? step.Context.Text;
        var confirmation = await optOuts.RecordAsync(words, cancellationToken);
        if (session.PatientId is not { } patientId
            || step.Context.Turn.Activity.ChannelId == DeliveryTarget.SmsChannelId
            || !await optOuts.HasOtherOpenChannelsAsync(patientId, cancellationToken))
        {
            return await step.SayAndEndAsync(confirmation, cancellationToken);
        }

        await step.SendAsync(confirmation, cancellationToken);
        return await step.PromptAsync(FlowIds.ConfirmPrompt, FlowChoices.Confirm(session, session.Say("stop-ask-everything")), cancellationToken);
    }

    private async Task<DialogTurnResult> StopEverythingAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result?.GetValue<bool>() is not true)
        {
            return await step.SayAndEndAsync(session.Say("stop-this-channel-only"), cancellationToken);
        }

        var words = AgreementWords.Of(step.OptionsAs<FlowRequest>()?.Words ?? "stop", step.Context.Text);
        return await step.SayAndEndAsync(await optOuts.RecordEverywhereAsync(words, cancellationToken), cancellationToken);
    }
}
