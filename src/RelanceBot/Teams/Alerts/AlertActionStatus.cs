namespace RelanceBot.Teams.Alerts;

public enum AlertActionStatus
{
    /// <summary>The action took effect; the card shows who did what.</summary>
    Done,

    /// <summary>Someone had already handled the alert: nothing changed, the card says so.</summary>
    AlreadyHandled,

    /// <summary>Not allowed or not possible: nothing changed, <see cref="AlertActionResult.Message"/> says why.</summary>
    Refused,
}
