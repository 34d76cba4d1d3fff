using RelanceBot.Conversations.Dialogs;
using RelanceBot.Conversations.Messages;

namespace RelanceBot.Conversations.Flows;

/// <summary>
/// Greeting or anything not understood: what the patient can do, every path. A reply that picks none of them but
/// clearly asks for something is taken as that request by the conversation; a number picks this menu's line.
/// </summary>
public sealed class MenuFlow(PatientSession session, FlowRouter router) : IPatientFlow
{
    private static readonly string[] Paths =
    [
        FlowIds.PayNow, FlowIds.Installments, FlowIds.Defer, FlowIds.AlreadyPaid, FlowIds.Dispute,
        FlowIds.Hardship, FlowIds.InvoiceDetails, FlowIds.TalkToHuman, FlowIds.Stop,
    ];

    /// <summary>Choice values no sentence contains: "I would like to pay in 3 installments" is a request (with its count), not a pick.</summary>
    private const string PickPrefix = "pick:";

    public Dialog Dialog => new WaterfallDialog(FlowIds.Menu, [AskAsync, StartPickedAsync]);

    private async Task<DialogTurnResult> AskAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var file = await session.FileAsync(cancellationToken);
        var text = session.Say("menu", ("firstName", file.FirstName));
        var choices = Paths.Select(flowId => new Choice(PickPrefix + flowId, session.Say($"menu-{flowId}"))).ToList();
        return await step.PromptAsync(FlowIds.ChoicePrompt, new PromptOptions(text, session.Say("retry-choice"), choices), cancellationToken);
    }

    private async Task<DialogTurnResult> StartPickedAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result?.GetValue<string>() is not { } picked)
        {
            return await step.SayAndEndAsync(session.Say("not-understood"), cancellationToken);
        }

        return await router.ReplaceAsync(step.Context, picked[PickPrefix.Length..], new FlowRequest(step.Context.Text, Language: session.Language.Code()), cancellationToken);
    }
}
