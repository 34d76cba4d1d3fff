namespace RelanceBot.Alerts;

public enum StaffAlertStatus
{
    Open,
    Approved,
    Rejected,
    Closed,
}
