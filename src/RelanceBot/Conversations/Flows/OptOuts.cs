using RelanceBot.PatientRequests;

namespace RelanceBot.Conversations.Flows;

/// <summary>
/// A patient's stop in a conversation: this conversation's channel is opted out (saved with the turn) and staff are
/// told, through the same use case as the patient space. Only this channel: STOP in a chat does not silence the
/// patient's SMS or e-mail, so it is recorded without asking when the recogniser is sure, whether the stop is the whole
/// reply or said beside another request.
/// </summary>
public sealed class OptOuts(PatientSession session, StopMessages stopMessages)
{
    /// <returns>What to tell the patient.</returns>
    public async Task<string> RecordAsync(string words, CancellationToken cancellationToken)
    {
        if (session.PatientId is null)
        {
            return session.Say("stop-unknown");
        }

        var file = await session.FileAsync(cancellationToken);
        await stopMessages.StageAsync(file.PracticeId, file.PatientId, StopScope.Conversation(session.Conversation.Id), words, cancellationToken);
        return session.Say("stop-confirmed");
    }

    /// <summary>Whether reminders could still reach the patient another way than this conversation.</summary>
    public Task<bool> HasOtherOpenChannelsAsync(Guid patientId, CancellationToken cancellationToken) =>
        stopMessages.HasOpenChannelsBesidesAsync(patientId, StopScope.Conversation(session.Conversation.Id), cancellationToken);

    /// <summary>The patient chose "everything": every channel is opted out, staff are told.</summary>
    public async Task<string> RecordEverywhereAsync(string words, CancellationToken cancellationToken)
    {
        var file = await session.FileAsync(cancellationToken);
        await stopMessages.StageAsync(file.PracticeId, file.PatientId, StopScope.Everything, words, cancellationToken);
        return session.Say("stop-everything-confirmed");
    }
}
