using RelanceBot.Alerts;
using RelanceBot.Conversations.Dialogs;

namespace RelanceBot.Conversations.Flows;

/// <summary>talk_to_human: staff are alerted with the patient's words; the patient is told when to expect the call.</summary>
public sealed class TalkToHumanFlow(PatientSession session, StaffAlerts alerts) : IPatientFlow
{
    public Dialog Dialog => new WaterfallDialog(FlowIds.TalkToHuman, [AlertAsync]);

    private async Task<DialogTurnResult> AlertAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (session.PatientId is null)
        {
            return await step.SayAndEndAsync(session.Say("talk-to-human-unknown"), cancellationToken);
        }

        var file = await session.FileAsync(cancellationToken);
        alerts.Raise(new NewStaffAlert(
            file.PracticeId,
            StaffAlertKind.TalkToHuman,
            $"Le patient demande à être rappelé (conversation {session.Conversation.ChannelId}).",
            file.PatientId,
            PatientWords: step.OptionsAs<FlowRequest>()?.Words));
        var text = session.Say("talk-to-human") + (file.PracticePhone is { } phone ? "\n\n" + session.Say("contact", ("phone", phone)) : "");
        return await step.SayAndEndAsync(text, cancellationToken);
    }
}
