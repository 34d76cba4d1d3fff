namespace RelanceBot.Collection;

/// <summary>Why a hand-off to collection was refused; <paramref name="DeadlineOn"/> is the mise en demeure's last day to pay.</summary>
public sealed record HandOffRefusal(HandOffRefusalReason Reason, DateOnly? DeadlineOn = null)
{
    /// <summary>For API callers (problem details).</summary>
    public string Detail => Reason switch
    {
        HandOffRefusalReason.NotOutstanding => "The invoice is no longer owed as it stood (paid, cancelled, disputed, under a plan or already handed over).",
        HandOffRefusalReason.BelowMinimum => "The amount outstanding is below the practice's legal minimum: no hand-off to collection.",
        HandOffRefusalReason.NoFormalNotice => "No mise en demeure was delivered to the patient: it must be sent first.",
        HandOffRefusalReason.DeadlineNotPassed => $"The mise en demeure gives the patient until {DeadlineOn:yyyy-MM-dd} to pay: hand-off possible from the day after.",
        _ => throw new ArgumentOutOfRangeException(nameof(Reason), Reason, null),
    };
}

public enum HandOffRefusalReason
{
    NotOutstanding,
    BelowMinimum,
    NoFormalNotice,
    DeadlineNotPassed,
}
