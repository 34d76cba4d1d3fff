namespace RelanceBot.Teams.Alerts;

/// <summary>What staff can do from an alert card.</summary>
public enum AlertVerb
{
    Approve,
    Reject,
    MarkPaid,
    PauseReminders,
    NoteCall,
    Close,

    /// <summary>The collection service recovered the debt.</summary>
    MarkRecovered,

    /// <summary>The collection service gave the file back to the practice.</summary>
    MarkReturned,
}
