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

    /// <summary>A disputed invoice the practice agrees with the patient about: cancelled, reminders stop for good.</summary>
    CancelInvoice,
}
