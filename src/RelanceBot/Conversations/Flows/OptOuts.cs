using Microsoft.EntityFrameworkCore;
using RelanceBot.Alerts;
using RelanceBot.Patients;
using RelanceBot.Persistence;

namespace RelanceBot.Conversations.Flows;

/// <summary>
/// A patient's stop: this conversation's channel is opted out (saved with the turn) and staff are told. Only this
/// channel: STOP in a chat does not silence the patient's SMS or e-mail, so it is recorded without asking when the
/// recogniser is sure, whether the stop is the whole reply or said beside another request.
/// </summary>
public sealed class OptOuts(PatientSession session, RelanceBotDbContext db, StaffAlerts alerts)
{
    /// <returns>What to tell the patient.</returns>
    public async Task<string> RecordAsync(string words, CancellationToken cancellationToken)
    {
        if (session.PatientId is not { } patientId)
        {
            return session.Say("stop-unknown");
        }

        var conversationId = session.Conversation.Id;
        var channel = await db.PatientChannels
            .Where(candidate => candidate.PatientId == patientId && candidate.ConversationReferenceId == conversationId)
            .SingleOrDefaultAsync(cancellationToken);
        channel?.OptOut($"Demande du patient : « {words} »", session.Now);

        var file = await session.FileAsync(cancellationToken);
        alerts.Raise(new NewStaffAlert(
            file.PracticeId,
            StaffAlertKind.OptOut,
            $"Le patient ne souhaite plus recevoir de messages sur ce canal ({channel?.Kind ?? ChannelKind.Chat}).",
            file.PatientId,
            PatientWords: words));
        return session.Say("stop-confirmed");
    }
}
