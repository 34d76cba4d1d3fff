using RelanceBot.Conversations.Dialogs;
using RelanceBot.PatientRequests;

namespace RelanceBot.Conversations.Flows;

/// <summary>talk_to_human: staff are alerted with the patient's words; the patient is told when to expect the call.</summary>
public sealed class TalkToHumanFlow(PatientSession session, RequestCallBack requestCallBack) : IPatientFlow
{
    public Dialog Dialog => new WaterfallDialog(FlowIds.TalkToHuman, [AlertAsync]);

    private async Task<DialogTurnResult> AlertAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (session.PatientId is null)
        {
            return await step.SayAndEndAsync(session.Say("talk-to-human-unknown"), cancellationToken);
        }

        var file = await session.FileAsync(cancellationToken);
        requestCallBack.Stage(
            file.PracticeId, file.PatientId, $"conversation {session.Conversation.ChannelId}", null, step.OptionsAs<FlowRequest>()?.Words);
        var text = session.Say("talk-to-human") + (file.PracticePhone is { } phone ? "\n\n" + session.Say("contact", ("phone", phone)) : "");
        return await step.SayAndEndAsync(text, cancellationToken);
    }
}
