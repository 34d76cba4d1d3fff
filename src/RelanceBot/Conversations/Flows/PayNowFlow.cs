using RelanceBot.Conversations.Dialogs;
using RelanceBot.Payments;

namespace RelanceBot.Conversations.Flows;

/// <summary>pay_now: the payment link of each open invoice.</summary>
public sealed class PayNowFlow(PatientSession session, IPaymentLinks? paymentLinks = null) : IPatientFlow
{
    public Dialog Dialog => new WaterfallDialog(FlowIds.PayNow, [SendLinksAsync]);

    private async Task<DialogTurnResult> SendLinksAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var file = await session.FileAsync(cancellationToken);
        if (file.OpenInvoices.Count == 0)
        {
            return await step.SayAndEndAsync(session.Say("nothing-due"), cancellationToken);
        }

        if (paymentLinks is null)
        {
            return await step.SayAndEndAsync(session.Say("pay-by-phone", ("phone", file.PracticePhone is { } phone ? session.Format.Phone(phone) : session.Say("practice-desk"))), cancellationToken);
        }

        var lines = new List<string> { session.Say("pay-now", ("amount", session.Money(file.OutstandingCents))) };
        foreach (var invoice in file.OpenInvoices)
        {
            lines.Add(session.Say(
                "pay-now-link",
                ("reference", invoice.Reference),
                ("amount", session.Money(invoice.OutstandingCents)),
                ("link", await paymentLinks.GetLinkAsync(invoice.Id, cancellationToken))));
        }

        return await step.SayAndEndAsync(string.Join("\n", lines), cancellationToken);
    }
}
