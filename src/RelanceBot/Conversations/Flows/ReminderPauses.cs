using RelanceBot.Conversations.Dialogs;
using RelanceBot.Invoices;

namespace RelanceBot.Conversations.Flows;

/// <summary>Pauses the reminders of the bound patient's open invoices while staff look (saved with the turn).</summary>
public sealed class ReminderPauses(PatientSession session, PatientFiles files)
{
    /// <returns>The open invoices paused.</returns>
    public async Task<IReadOnlyList<Guid>> PauseAsync(int days, ReminderPauseReason reason, CancellationToken cancellationToken)
    {
        var file = await session.FileAsync(cancellationToken);
        var invoiceIds = file.OpenInvoices.Select(invoice => invoice.Id).ToList();
        await files.PauseOpenInvoicesAsync(file.PatientId, invoiceIds, session.Now.AddDays(days), reason, session.Now, cancellationToken);
        return invoiceIds;
    }
}
