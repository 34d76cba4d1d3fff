using RelanceBot.Conversations.Dialogs;
using RelanceBot.PatientRequests;

namespace RelanceBot.Conversations.Flows;

/// <summary>
/// talk_to_human: reminders pause while staff call back, a number is asked for when the practice has none, then staff
/// are alerted with the patient's words and the patient is told when to expect the call.
/// </summary>
public sealed class TalkToHumanFlow(PatientSession session, RequestCallBack requestCallBack) : IPatientFlow
{
    public Dialog Dialog => new WaterfallDialog(FlowIds.TalkToHuman, [AskPhoneAsync, AlertAsync]);

    private async Task<DialogTurnResult> AskPhoneAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (session.PatientId is null)
        {
            return await step.SayAndEndAsync(session.Say("talk-to-human-unknown"), cancellationToken);
        }

        var file = await session.FileAsync(cancellationToken);
        return file.HasPhone
            ? await step.NextAsync(null, cancellationToken)
            : await step.PromptAsync(FlowIds.PhonePrompt, new PromptOptions(session.Say("ask-phone"), session.Say("retry-phone")), cancellationToken);
    }

    private async Task<DialogTurnResult> AlertAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var file = await session.FileAsync(cancellationToken);
        await requestCallBack.StageAsync(
            file.PracticeId, file.PatientId, session.Conversation.ChannelId, step.Result?.GetValue<string>(),
            step.OptionsAs<FlowRequest>()?.Words, cancellationToken);
        var callBack = file.PracticeOpeningHours is { } hours ? session.Say("talk-to-human-hours", ("hours", hours)) : session.Say("talk-to-human");
        var text = callBack + (file.PracticePhone is { } phone ? "\n\n" + session.Say("contact", ("phone", session.Format.Phone(phone))) : "");
        return await step.SayAndEndAsync(text, cancellationToken);
    }
}
