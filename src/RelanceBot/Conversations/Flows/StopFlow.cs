using Microsoft.EntityFrameworkCore;
using RelanceBot.Alerts;
using RelanceBot.Conversations.Dialogs;
using RelanceBot.Patients;
using RelanceBot.Persistence;

namespace RelanceBot.Conversations.Flows;

/// <summary>stop: this channel is opted out at once (saved with the turn), the patient is told, and so are staff.</summary>
public sealed class StopFlow(PatientSession session, RelanceBotDbContext db, StaffAlerts alerts) : IPatientFlow
{
    public Dialog Dialog => new WaterfallDialog(FlowIds.Stop, [OptOutAsync]);

    private async Task<DialogTurnResult> OptOutAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (session.PatientId is not { } patientId)
        {
            return await step.SayAndEndAsync(session.Say("stop-unknown"), cancellationToken);
        }

        var conversationId = session.Conversation.Id;
        var channel = await db.PatientChannels
            .Where(candidate => candidate.PatientId == patientId && candidate.ConversationReferenceId == conversationId)
            .SingleOrDefaultAsync(cancellationToken);
        var words = step.OptionsAs<FlowRequest>()?.Words ?? step.Context.Text;
        channel?.OptOut($"Demande du patient : « {words} »", session.Now);

        var file = await session.FileAsync(cancellationToken);
        alerts.Raise(new NewStaffAlert(
            file.PracticeId,
            StaffAlertKind.OptOut,
            $"Le patient ne souhaite plus recevoir de messages sur ce canal ({channel?.Kind ?? ChannelKind.Chat}).",
            file.PatientId,
            PatientWords: words));
        return await step.SayAndEndAsync(session.Say("stop-confirmed"), cancellationToken);
    }
}
