using RelanceBot.Conversations.Dialogs;

namespace RelanceBot.Conversations.Flows;

/// <summary>
/// A reply the recogniser was not sure of, that would change data: the patient's words are echoed with what the bot
/// understood ("Vous souhaitez payer en 3 fois, c'est bien ça ?"), and nothing is recorded unless they say yes.
/// Anything else than yes or no is taken as a new request by the conversation.
/// </summary>
public sealed class ConfirmIntentFlow(PatientSession session, FlowRouter router) : IPatientFlow
{
    public Dialog Dialog => new WaterfallDialog(FlowIds.ConfirmIntent, [AskAsync, FollowAsync]);

    private async Task<DialogTurnResult> AskAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var request = step.OptionsAs<FlowRequest>()!;
        var flowId = request.ResumeFlow!;
        var what = Describe(flowId, request);
        if (request.OptOut && flowId != FlowIds.Stop)
        {
            what = session.Say("intent-with-stop", ("what", what));
        }

        var text = session.Say("confirm-intent", ("words", request.Words), ("what", what));
        return await step.PromptAsync(FlowIds.ConfirmPrompt, FlowChoices.Confirm(session, text), cancellationToken);
    }

    private async Task<DialogTurnResult> FollowAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var request = step.OptionsAs<FlowRequest>()!;
        return step.Result?.GetValue<bool>() switch
        {
            true => await router.ReplaceAsync(step.Context, request.ResumeFlow!, request with { Unconfirmed = false }, cancellationToken),
            false => await step.SayAndEndAsync(session.Say("confirm-intent-declined"), cancellationToken),
            null => await step.SayAndEndAsync(session.Say("not-understood"), cancellationToken),
        };
    }

    private string Describe(string flowId, FlowRequest request) => flowId switch
    {
        FlowIds.Installments when request.InstallmentCount is { } count
            => session.Say("intent-installments-count", ("count", session.Number(count))),
        FlowIds.Defer when request.PromisedDate is { } date && date > session.Today
            => session.Say("intent-defer-date", ("date", session.Date(date))),
        _ => session.Say($"intent-{flowId}"),
    };
}
