using System.Text.Json.Nodes;
using RelanceBot.Conversations.Dialogs;
using RelanceBot.PatientRequests;

namespace RelanceBot.Conversations.Flows;

/// <summary>
/// already_paid: how and when (unless the first message said it: a means of payment or a date, which is when it was
/// paid, never a promise), then reminders pause while staff check the payment.
/// </summary>
public sealed class AlreadyPaidFlow(PatientSession session, ClaimPayment claimPayment) : IPatientFlow
{
    public Dialog Dialog => new WaterfallDialog(FlowIds.AlreadyPaid, [AskHowAsync, RecordAsync]);

    private async Task<DialogTurnResult> AskHowAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var file = await session.FileAsync(cancellationToken);
        if (file.OpenInvoices.Count == 0)
        {
            return await step.SayAndEndAsync(session.Say("nothing-due"), cancellationToken);
        }

        if (step.OptionsAs<FlowRequest>() is { } request && (request.PaymentMethod is not null || request.PromisedDate is not null))
        {
            return await step.NextAsync(JsonValue.Create(request.Words), cancellationToken);
        }

        return await step.PromptAsync(FlowIds.TextPrompt, new PromptOptions(session.Say("already-paid-ask")), cancellationToken);
    }

    private async Task<DialogTurnResult> RecordAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result?.GetValue<string>() is not { } answer)
        {
            return await step.SayAndEndAsync(session.Say("not-understood"), cancellationToken);
        }

        var file = await session.FileAsync(cancellationToken);
        await claimPayment.StageAsync(
            file.PracticeId,
            file.PatientId,
            [.. file.OpenInvoices.Select(invoice => invoice.Id)],
            AgreementWords.Of(step.OptionsAs<FlowRequest>()?.Words, answer),
            cancellationToken);
        return await step.SayAndEndAsync(session.Say("already-paid-recorded"), cancellationToken);
    }
}
