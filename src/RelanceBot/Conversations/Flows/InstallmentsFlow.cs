using System.Globalization;
using System.Text.Json.Nodes;
using RelanceBot.Conversations.Dialogs;
using RelanceBot.Plans;

namespace RelanceBot.Conversations.Flows;

/// <summary>
/// installments: the terms, 2 or 3 monthly payments, the exact schedule, then the patient's confirmation becomes a
/// request awaiting staff approval (one <see cref="InstallmentPlan"/> per open invoice, one decision for all), recorded
/// with the patient's words. The patient hears the outcome from <see cref="DecideInstallmentPlan"/>.
/// </summary>
public sealed class InstallmentsFlow(PatientSession session, RequestInstallmentPlan requestPlan) : IPatientFlow
{
    private const string CountKey = "count";
    private static readonly int[] Counts = [2, 3];

    public Dialog Dialog => new WaterfallDialog(FlowIds.Installments, [AskCountAsync, ConfirmScheduleAsync, RequestAsync]);

    private async Task<DialogTurnResult> AskCountAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var file = await session.FileAsync(cancellationToken);
        if (file.OpenInvoices.Count == 0)
        {
            return await step.SayAndEndAsync(session.Say("nothing-due"), cancellationToken);
        }

        if (step.OptionsAs<FlowRequest>()?.InstallmentCount is { } count && Counts.Contains(count))
        {
            return await step.NextAsync(JsonValue.Create(session.Number(count)), cancellationToken);
        }

        var text = session.Say("installments-terms", ("amount", session.Money(file.OutstandingCents)));
        Choice[] choices = [.. Counts.Select(n => new Choice(session.Number(n), session.Say("installments-count", ("count", session.Number(n)))))];
        return await step.PromptAsync(FlowIds.ChoicePrompt, new PromptOptions(text, session.Say("retry-choice"), choices), cancellationToken);
    }

    private async Task<DialogTurnResult> ConfirmScheduleAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result?.GetValue<string>() is not { } picked)
        {
            return await step.SayAndEndAsync(session.Say("not-understood"), cancellationToken);
        }

        var count = int.Parse(picked, CultureInfo.InvariantCulture);
        step.Values[CountKey] = count;
        var schedule = await ScheduleAsync(count, cancellationToken);
        var lines = schedule.Select((installment, i) => session.Say(
            "installments-line",
            ("number", session.Number(i + 1)),
            ("amount", session.Money(installment.AmountCents)),
            ("date", session.Date(installment.DueDate))));
        var text = session.Say("installments-schedule", ("count", session.Number(count))) + "\n" + string.Join("\n", lines)
            + "\n\n" + session.Say("installments-confirm");
        return await step.PromptAsync(FlowIds.ConfirmPrompt, FlowChoices.Confirm(session, text), cancellationToken);
    }

    private async Task<DialogTurnResult> RequestAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result?.GetValue<bool>() is not { } confirmed)
        {
            return await step.SayAndEndAsync(session.Say("not-understood"), cancellationToken);
        }

        if (!confirmed)
        {
            return await step.SayAndEndAsync(session.Say("installments-declined"), cancellationToken);
        }

        var file = await session.FileAsync(cancellationToken);
        var count = step.Values[CountKey]!.GetValue<int>();
        var words = AgreementWords.Of(step.OptionsAs<FlowRequest>()?.Words, step.Context.Text);
        // One request for every open invoice: staff decide it on one card. Staged, not saved: the turn saves the plans
        // with its dialog state, in one transaction. With nothing recorded, only a person can help.
        var result = await requestPlan.StageAsync([.. file.OpenInvoices.Select(invoice => invoice.Id)], count, words, session.Today, cancellationToken);
        return await step.SayAndEndAsync(session.Say(result.Succeeded ? "installments-under-review" : "installments-not-recorded"), cancellationToken);
    }

    private async Task<IReadOnlyList<ProposedInstallment>> ScheduleAsync(int count, CancellationToken cancellationToken)
    {
        var file = await session.FileAsync(cancellationToken);
        return InstallmentSchedule.Split(file.OpenInvoices.Select(invoice => invoice.OutstandingCents), count, session.Today);
    }
}
