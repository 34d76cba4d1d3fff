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
}
