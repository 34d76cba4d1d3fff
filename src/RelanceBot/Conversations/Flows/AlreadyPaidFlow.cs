using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RelanceBot.Alerts;
using RelanceBot.Conversations.Dialogs;

namespace RelanceBot.Conversations.Flows;

/// <summary>
/// already_paid: how and when (unless the first message said it: a means of payment or a date, which is when it was
/// paid, never a promise), then reminders pause while staff check the payment.
/// </summary>
public sealed class AlreadyPaidFlow(
    PatientSession session, ReminderPauses pauses, StaffAlerts alerts, IOptions<ConversationOptions> options) : IPatientFlow
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
        var invoiceIds = await pauses.PauseAsync(options.Value.AlreadyPaidPauseDays, "Le patient indique avoir payé : à vérifier", cancellationToken);
        alerts.Raise(new NewStaffAlert(
            file.PracticeId,
            StaffAlertKind.AlreadyPaidClaim,
            $"Le patient indique avoir réglé {session.Money(file.OutstandingCents)} : paiement à vérifier ; rappels suspendus.",
            file.PatientId,
            invoiceIds.Count == 1 ? invoiceIds[0] : null,
            AgreementWords.Of(step.OptionsAs<FlowRequest>()?.Words, answer)));
        return await step.SayAndEndAsync(session.Say("already-paid-recorded"), cancellationToken);
    }
}
