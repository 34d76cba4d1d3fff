using System.Text.Json.Nodes;
using RelanceBot.Conversations.Dialogs;
using RelanceBot.PatientRequests;

namespace RelanceBot.Conversations.Flows;

/// <summary>
/// dispute: which invoice (when several), the reason (unless the first message gave one), then reminders stop and
/// staff look at it.
/// </summary>
public sealed class DisputeFlow(PatientSession session, ContestInvoice contestInvoice) : IPatientFlow
{
    private const string InvoiceKey = "invoice";

    public Dialog Dialog => new WaterfallDialog(FlowIds.Dispute, [AskInvoiceAsync, AskReasonAsync, RecordAsync]);

    private async Task<DialogTurnResult> AskInvoiceAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var file = await session.FileAsync(cancellationToken);
        switch (file.OpenInvoices.Count)
        {
            case 0:
                return await step.SayAndEndAsync(session.Say("nothing-due"), cancellationToken);
            case 1:
                return await step.NextAsync(JsonValue.Create(file.OpenInvoices[0].Id.ToString()), cancellationToken);
        }

        var choices = file.OpenInvoices.Select(invoice => new Choice(
            invoice.Id.ToString(),
            session.Say("invoice-choice", ("reference", invoice.Reference), ("date", session.Date(invoice.IssueDate)), ("amount", session.Money(invoice.OutstandingCents))),
            [invoice.Reference])).ToList();
        return await step.PromptAsync(FlowIds.ChoicePrompt, new PromptOptions(session.Say("dispute-which"), session.Say("retry-choice"), choices), cancellationToken);
    }

    private async Task<DialogTurnResult> AskReasonAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is null)
        {
            return await step.SayAndEndAsync(session.Say("not-understood"), cancellationToken);
        }

        step.Values[InvoiceKey] = step.Result.DeepClone();
        if (step.OptionsAs<FlowRequest>()?.Words is { } words && DisputeReasons.IsGivenIn(words))
        {
            return await step.NextAsync(JsonValue.Create(words), cancellationToken);
        }

        return await step.PromptAsync(FlowIds.TextPrompt, new PromptOptions(session.Say("dispute-ask-reason")), cancellationToken);
    }

    private async Task<DialogTurnResult> RecordAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result?.GetValue<string>() is not { } reason)
        {
            return await step.SayAndEndAsync(session.Say("not-understood"), cancellationToken);
        }

        var file = await session.FileAsync(cancellationToken);
        var invoiceId = Guid.Parse(step.Values[InvoiceKey]!.GetValue<string>());
        var words = AgreementWords.Of(step.OptionsAs<FlowRequest>()?.Words, reason);
        if (!await contestInvoice.StageAsync(file.PracticeId, file.PatientId, invoiceId, words, cancellationToken))
        {
            // Paid or settled since the question was asked.
            return await step.SayAndEndAsync(session.Say("nothing-due"), cancellationToken);
        }

        return await step.SayAndEndAsync(session.Say("dispute-recorded"), cancellationToken);
    }
}
