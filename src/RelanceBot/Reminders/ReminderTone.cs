namespace RelanceBot.Reminders;

/// <summary>How firmly a step speaks; it only ever rises along a cadence. Stored by name.</summary>
public enum ReminderTone
{
    Courteous,
    Formal,
    Firm,

    /// <summary>Mise en demeure: the only tone allowed legal wording, and only sent once the practitioner approves.</summary>
    Legal,
}
