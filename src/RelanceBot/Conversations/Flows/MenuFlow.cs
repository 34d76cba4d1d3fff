using RelanceBot.Conversations.Dialogs;

namespace RelanceBot.Conversations.Flows;

/// <summary>Greeting or anything not understood: a short menu of what the patient can do.</summary>
public sealed class MenuFlow(PatientSession session, FlowRouter router) : IPatientFlow
{
    public Dialog Dialog => new WaterfallDialog(FlowIds.Menu, [AskAsync, StartPickedAsync]);

    private async Task<DialogTurnResult> AskAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var file = await session.FileAsync(cancellationToken);
        var text = session.Say("menu", ("firstName", file.FirstName));
        Choice[] choices =
        [
            new(FlowIds.PayNow, session.Say("menu-pay-now")),
            new(FlowIds.Installments, session.Say("menu-installments")),
            new(FlowIds.Defer, session.Say("menu-defer")),
            new(FlowIds.InvoiceDetails, session.Say("menu-invoice-details")),
            new(FlowIds.TalkToHuman, session.Say("menu-talk-to-human")),
        ];
        return await step.PromptAsync(FlowIds.ChoicePrompt, new PromptOptions(text, session.Say("retry-choice"), choices), cancellationToken);
    }

    private async Task<DialogTurnResult> StartPickedAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result?.GetValue<string>() is not { } flowId)
        {
            return await step.SayAndEndAsync(session.Say("not-understood"), cancellationToken);
        }

        return await router.ReplaceAsync(step.Context, flowId, new FlowRequest(step.Context.Text), cancellationToken);
    }
}
