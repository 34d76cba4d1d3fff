namespace RelanceBot.Alerts;

public enum ApprovalOutcome
{
    Decided,
    NotFound,

    /// <summary>The alert only informs staff: it can be closed, not approved or rejected.</summary>
    NoDecisionNeeded,

    /// <summary>Someone already decided the other way; a second identical click is <see cref="Decided"/>.</summary>
    AlreadyDecided,

    /// <summary>Approved, but the law does not allow it yet (a hand-off before the mise en demeure's deadline): nothing changed.</summary>
    Refused,

    /// <summary>
    /// A plan request whose every invoice was settled, cancelled or disputed since: its plans are cancelled, the alert
    /// is closed, and the patient is told nothing.
    /// </summary>
    Overtaken,
}
