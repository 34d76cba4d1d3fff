using Microsoft.Extensions.Options;
using RelanceBot.Conversations.Dialogs;
using RelanceBot.Plans;

namespace RelanceBot.Conversations.Flows;

/// <summary>
/// defer: a date within the practice's limit is agreed once the patient confirms it; any other date (or none) makes
/// the bot ask for one. The agreement is recorded (a <see cref="PaymentDeferral"/> per open invoice) with the
/// patient's words.
/// </summary>
public sealed class DeferFlow(PatientSession session, DeferPayment deferPayment, IOptions<ConversationOptions> options) : IPatientFlow
{
    private const string DateKey = "date";

    public Dialog Dialog => new WaterfallDialog(FlowIds.Defer, [AskDateAsync, ConfirmDateAsync, RecordAsync]);

    private async Task<DialogTurnResult> AskDateAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var file = await session.FileAsync(cancellationToken);
        if (file.OpenInvoices.Count == 0)
        {
            return await step.SayAndEndAsync(session.Say("nothing-due"), cancellationToken);
        }

        var today = session.Today;
        var latest = today.AddDays(options.Value.MaxDeferralDays);
        if (step.OptionsAs<FlowRequest>()?.PromisedDate is { } promised && promised > today && promised <= latest)
        {
            return await step.NextAsync(DatePrompt.ToNode(promised), cancellationToken);
        }

        var text = session.Say("defer-ask-date", ("latest", session.Date(latest)));
        return await step.PromptAsync(FlowIds.PaymentDatePrompt, new PromptOptions(text, session.Say("defer-retry-date")), cancellationToken);
    }

    private async Task<DialogTurnResult> ConfirmDateAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (DatePrompt.Read(step.Result) is not { } date)
        {
            return await step.SayAndEndAsync(session.Say("defer-no-date"), cancellationToken);
        }

        step.Values[DateKey] = step.Result!.DeepClone();
        var text = session.Say("defer-confirm", ("date", session.Date(date)));
        return await step.PromptAsync(FlowIds.ConfirmPrompt, FlowChoices.Confirm(session, text), cancellationToken);
    }

    private async Task<DialogTurnResult> RecordAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result?.GetValue<bool>() is not true)
        {
            return await step.SayAndEndAsync(session.Say("defer-declined"), cancellationToken);
        }

        var date = DatePrompt.Read(step.Values[DateKey])!.Value;
        var file = await session.FileAsync(cancellationToken);
        var words = AgreementWords.Of(step.OptionsAs<FlowRequest>()?.Words, step.Context.Text);
        var recorded = 0;
        foreach (var invoice in file.OpenInvoices)
        {
            // Staged, not saved: the turn saves the deferrals with its dialog state, in one transaction.
            if ((await deferPayment.StageAsync(invoice.Id, date, words, cancellationToken)).Succeeded)
            {
                recorded++;
            }
        }

        // A refusal means the practice allows less time than the conversation offered, or a plan already covers the
        // invoice: a person has to agree to it.
        return recorded > 0
            ? await step.SayAndEndAsync(session.Say("defer-recorded", ("date", session.Date(date))), cancellationToken)
            : await step.SayAndEndAsync(session.Say("defer-not-recorded"), cancellationToken);
    }
}
