using RelanceBot.Conversations.Dialogs;
using RelanceBot.Payments;

namespace RelanceBot.Conversations.Flows;

/// <summary>
/// invoice_details: amount, date and practitioner of each open invoice, and where to see a copy (the pay page
/// shows the invoice). Never what the care was: medical secrecy.
/// </summary>
public sealed class InvoiceDetailsFlow(PatientSession session, IPaymentLinks? paymentLinks = null) : IPatientFlow
{
    public Dialog Dialog => new WaterfallDialog(FlowIds.InvoiceDetails, [DescribeAsync]);

    private async Task<DialogTurnResult> DescribeAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var file = await session.FileAsync(cancellationToken);
        if (file.OpenInvoices.Count == 0)
        {
            return await step.SayAndEndAsync(session.Say("nothing-due"), cancellationToken);
        }

        var lines = new List<string> { session.Say("invoice-details", ("practice", file.PracticeName)) };
        foreach (var invoice in file.OpenInvoices)
        {
            lines.Add(session.Say(
                "invoice-line",
                ("reference", invoice.Reference),
                ("date", session.Date(invoice.IssueDate)),
                ("practitioner", file.PractitionerName),
                ("amount", session.Money(invoice.OutstandingCents))));
            if (paymentLinks is not null)
            {
                lines.Add(session.Say("invoice-copy", ("link", await paymentLinks.GetLinkAsync(invoice.Id, cancellationToken))));
            }
        }

        return await step.SayAndEndAsync(string.Join("\n", lines), cancellationToken);
    }
}
