using Microsoft.Extensions.Options;
using RelanceBot.Alerts;
using RelanceBot.Conversations.Flows;
using RelanceBot.Invoices;

namespace RelanceBot.PatientRequests;

/// <summary>
/// "Call me back" (chat or patient space): the patient's open invoices pause while staff call (nobody is chased while
/// waiting for the practice), and staff get a <see cref="StaffAlertKind.TalkToHuman"/> alert with where the request came
/// from, the number to call when the patient gave one, and their words. Staged in the caller's unit of work.
/// </summary>
public sealed class RequestCallBack(PatientFiles files, StaffAlerts alerts, IOptions<ConversationOptions> options, TimeProvider time)
{
    /// <param name="conversationChannelId">The channel of the conversation the patient asked in; null for the patient space.</param>
    /// <param name="phoneE164">A number the patient typed because none was on file; null to use the file's.</param>
    public async Task StageAsync(
        Guid practiceId, Guid patientId, string? conversationChannelId, string? phoneE164, string? patientWords, CancellationToken cancellationToken)
    {
        var file = await files.LoadAsync(patientId, cancellationToken);
        var now = time.GetUtcNow();
        await files.PauseOpenInvoicesAsync(
            patientId, [.. file.OpenInvoices.Select(invoice => invoice.Id)], now.AddDays(options.Value.StaffReviewPauseDays),
            ReminderPauseReason.CallBackRequested, now, cancellationToken);

        var texts = await alerts.TextsForAsync(practiceId, cancellationToken);
        var origin = conversationChannelId is null ? texts.Say("origin-space") : texts.Say("origin-conversation", ("channel", conversationChannelId));
        alerts.Raise(new NewStaffAlert(
            practiceId,
            StaffAlertKind.TalkToHuman,
            phoneE164 is null
                ? texts.Say("call-back", ("origin", origin))
                : texts.Say("call-back-number", ("phone", texts.Format.Phone(phoneE164)), ("origin", origin)),
            patientId,
            PatientWords: patientWords));
    }
}
