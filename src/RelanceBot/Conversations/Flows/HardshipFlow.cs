using Microsoft.Extensions.Options;
using RelanceBot.Alerts;
using RelanceBot.Conversations.Dialogs;
using RelanceBot.Invoices;

namespace RelanceBot.Conversations.Flows;

/// <summary>
/// hardship: reminders pause and staff are told at once; an understanding word, then three installments or a call
/// (which asks for a number when the practice has none), or nothing at all — no pressure.
/// </summary>
public sealed class HardshipFlow(
    PatientSession session, FlowRouter router, ReminderPauses pauses, StaffAlerts alerts, IOptions<ConversationOptions> options) : IPatientFlow
{
    private const string NotNow = "not-now";

    public Dialog Dialog => new WaterfallDialog(FlowIds.Hardship, [OfferAsync, FollowAsync]);

    private async Task<DialogTurnResult> OfferAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var file = await session.FileAsync(cancellationToken);
        await pauses.PauseAsync(options.Value.StaffReviewPauseDays, ReminderPauseReason.Hardship, cancellationToken);
        var texts = await alerts.TextsForAsync(file.PracticeId, cancellationToken);
        alerts.Raise(new NewStaffAlert(
            file.PracticeId,
            StaffAlertKind.Hardship,
            texts.Say("hardship"),
            file.PatientId,
            PatientWords: step.OptionsAs<FlowRequest>()?.Words));
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
