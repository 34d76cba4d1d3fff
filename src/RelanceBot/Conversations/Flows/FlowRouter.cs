using RelanceBot.Conversations.Dialogs;

namespace RelanceBot.Conversations.Flows;

/// <summary>
/// Starts a flow, unless it needs the patient and the conversation is not bound to one: then the identity check runs
/// first (when a practice's page opened the conversation) or the patient is asked to use their reminder's link.
/// </summary>
public sealed class FlowRouter(PatientSession session)
{
    public async Task<DialogTurnResult> StartAsync(DialogContext dialogContext, string flowId, FlowRequest request, CancellationToken cancellationToken)
    {
        if (session.PatientId is not null || !FlowIds.NeedsPatient(flowId))
        {
            return await dialogContext.BeginDialogAsync(flowId, DialogJson.ToNode(request), cancellationToken);
        }

        if (session.State.PracticeId is not null)
        {
            return await dialogContext.BeginDialogAsync(
                FlowIds.Identity, DialogJson.ToNode(request with { ResumeFlow = flowId }), cancellationToken);
        }

        await dialogContext.SendAsync(session.Say("help"), cancellationToken);
        return new DialogTurnResult(DialogTurnStatus.Complete);
    }

    /// <summary>Hands over from the running flow to another (the menu's pick, a verified identity).</summary>
    public Task<DialogTurnResult> ReplaceAsync(DialogContext dialogContext, string flowId, FlowRequest request, CancellationToken cancellationToken)
    {
        dialogContext.Stack.Pop();
        return StartAsync(dialogContext, flowId, request, cancellationToken);
    }
}
