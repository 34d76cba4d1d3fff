namespace RelanceBot.Alerts;

/// <summary>The <c>status</c> filter of the alert list: still waiting for someone, or already handled.</summary>
public enum AlertState
{
    /// <summary><see cref="StaffAlertStatus.Open"/>.</summary>
    Open,

    /// <summary>Approved, rejected or closed.</summary>
    Decided,
}
