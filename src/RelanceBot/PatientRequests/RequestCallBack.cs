using RelanceBot.Alerts;

namespace RelanceBot.PatientRequests;

/// <summary>
/// "Call me back" (chat or patient space): staff get a <see cref="StaffAlertKind.TalkToHuman"/> alert with where the
/// request came from, the number to call when the patient gave one, and their words. Staged in the caller's unit of work.
/// </summary>
public sealed class RequestCallBack(StaffAlerts alerts)
{
    /// <param name="origin">Where the patient asked, for staff (e.g. "conversation msteams", "espace patient").</param>
    /// <param name="phoneE164">A number the patient typed because none was on file; null to use the file's.</param>
    public void Stage(Guid practiceId, Guid patientId, string origin, string? phoneE164, string? patientWords)
    {
        var number = phoneE164 is null ? "" : $" au {phoneE164}";
        alerts.Raise(new NewStaffAlert(
            practiceId,
            StaffAlertKind.TalkToHuman,
            $"Le patient demande à être rappelé{number} ({origin}).",
            patientId,
            PatientWords: patientWords));
    }
}
