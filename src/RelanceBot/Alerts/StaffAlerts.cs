using RelanceBot.Persistence;

namespace RelanceBot.Alerts;

/// <summary>Raises alerts in the caller's unit of work, so an alert exists exactly when the change that caused it does.</summary>
public sealed class StaffAlerts(RelanceBotDbContext db, StaffTexts texts, TimeProvider time)
{
    /// <summary>The wording of summaries, in the staff's language.</summary>
    public StaffTexts Texts => texts;

    public StaffAlert Raise(NewStaffAlert alert) => db.StaffAlerts.Add(StaffAlert.Raise(alert, time.GetUtcNow())).Entity;
}
