using RelanceBot.Alerts;

namespace RelanceBot.PatientRequests;

/// <summary>
/// "Call me back" (chat or patient space): staff get a <see cref="StaffAlertKind.TalkToHuman"/> alert with where the
/// request came from, the number to call when the patient gave one, and their words. Staged in the caller's unit of work.
/// </summary>
public sealed class RequestCallBack(StaffAlerts alerts)
{
    /// <param name="conversationChannelId">The channel of the conversation the patient asked in; null for the patient space.</param>
    /// <param name="phoneE164">A number the patient typed because none was on file; null to use the file's.</param>
    public void Stage(Guid practiceId, Guid patientId, string? conversationChannelId, string? phoneE164, string? patientWords)
    {
        var texts = alerts.Texts;
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
