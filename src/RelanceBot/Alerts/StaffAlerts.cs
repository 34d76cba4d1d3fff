using RelanceBot.Persistence;

namespace RelanceBot.Alerts;

/// <summary>Raises alerts in the caller's unit of work, so an alert exists exactly when the change that caused it does.</summary>
public sealed class StaffAlerts(RelanceBotDbContext db, TimeProvider time)
{
    public StaffAlert Raise(NewStaffAlert alert) => db.StaffAlerts.Add(StaffAlert.Raise(alert, time.GetUtcNow())).Entity;
}
