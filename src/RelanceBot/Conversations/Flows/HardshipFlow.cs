using RelanceBot.Conversations.Dialogs;

namespace RelanceBot.Conversations.Flows;

/// <summary>hardship: an understanding word, then three installments or a call, or nothing at all — no pressure.</summary>
public sealed class HardshipFlow(PatientSession session, FlowRouter router) : IPatientFlow
{
    private const string NotNow = "not-now";

    public Dialog Dialog => new WaterfallDialog(FlowIds.Hardship, [OfferAsync, FollowAsync]);

    private async Task<DialogTurnResult> OfferAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        Choice[] choices =
        [
            new(FlowIds.Installments, session.Say("hardship-three-installments")),
            new(FlowIds.TalkToHuman, session.Say("hardship-call")),
            new(NotNow, session.Say("hardship-not-now")),
        ];
        return await step.PromptAsync(
            FlowIds.ChoicePrompt, new PromptOptions(session.Say("hardship"), session.Say("retry-choice"), choices), cancellationToken);
    }

    private async Task<DialogTurnResult> FollowAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var words = step.OptionsAs<FlowRequest>()?.Words ?? "";
        return step.Result?.GetValue<string>() switch
        {
            FlowIds.Installments => await router.ReplaceAsync(step.Context, FlowIds.Installments, new FlowRequest(words, InstallmentCount: 3), cancellationToken),
            FlowIds.TalkToHuman => await router.ReplaceAsync(step.Context, FlowIds.TalkToHuman, new FlowRequest(words), cancellationToken),
            _ => await step.SayAndEndAsync(session.Say("hardship-no-pressure"), cancellationToken),
        };
    }
}
