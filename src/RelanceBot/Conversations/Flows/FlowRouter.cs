using RelanceBot.Alerts;
using RelanceBot.Conversations.Dialogs;

namespace RelanceBot.Conversations.Flows;

/// <summary>
/// Starts a flow, unless it needs the patient and the conversation is not bound to one: then the identity check runs
/// first (when a practice's page opened the conversation) or the patient is asked to use their reminder's link.
/// A guess (<see cref="FlowRequest.Unconfirmed"/>) that would change data is put to the patient first
/// (<see cref="ConfirmIntentFlow"/>); what was said beside the request (a stop, money trouble) is acted on as the
/// flow starts.
/// </summary>
public sealed class FlowRouter(PatientSession session, OptOuts optOuts, StaffAlerts alerts)
{
    public async Task<DialogTurnResult> StartAsync(DialogContext dialogContext, string flowId, FlowRequest request, CancellationToken cancellationToken)
    {
        if (session.PatientId is null && FlowIds.NeedsPatient(flowId))
        {
            if (session.State.PracticeId is not null)
            {
                return await dialogContext.BeginDialogAsync(
                    FlowIds.Identity, DialogJson.ToNode(request with { ResumeFlow = flowId }), cancellationToken);
            }

            await dialogContext.SendAsync(session.Say("help"), cancellationToken);
            return new DialogTurnResult(DialogTurnStatus.Complete);
        }

        if (request.Unconfirmed && (FlowIds.ChangesData(flowId) || request.OptOut))
        {
            return await dialogContext.BeginDialogAsync(
                FlowIds.ConfirmIntent, DialogJson.ToNode(request with { ResumeFlow = flowId }), cancellationToken);
        }

        if (request.OptOut)
        {
            await dialogContext.SendAsync(await optOuts.RecordAsync(request.Words, cancellationToken), cancellationToken);
        }

        if (request.HardshipMentioned && session.PatientId is not null)
        {
            var file = await session.FileAsync(cancellationToken);
            var texts = await alerts.TextsForAsync(file.PracticeId, cancellationToken);
            alerts.Raise(new NewStaffAlert(
                file.PracticeId,
                StaffAlertKind.Hardship,
                texts.Say("hardship-aside"),
                file.PatientId,
                PatientWords: request.Words));
        }

        var started = request with { ResumeFlow = null, Unconfirmed = false, OptOut = false, HardshipMentioned = false };
        return await dialogContext.BeginDialogAsync(flowId, DialogJson.ToNode(started), cancellationToken);
    }

    /// <summary>Hands over from the running flow to another (the menu's pick, a verified identity, a confirmed guess).</summary>
    public Task<DialogTurnResult> ReplaceAsync(DialogContext dialogContext, string flowId, FlowRequest request, CancellationToken cancellationToken)
    {
        dialogContext.Stack.Pop();
        return StartAsync(dialogContext, flowId, request, cancellationToken);
    }
}
