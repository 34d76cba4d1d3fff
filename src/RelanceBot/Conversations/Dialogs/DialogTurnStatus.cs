namespace RelanceBot.Conversations.Dialogs;

public enum DialogTurnStatus
{
    /// <summary>No dialog was active: the caller decides what to start.</summary>
    Empty,

    /// <summary>A dialog asked something and waits for the next message.</summary>
    Waiting,

    /// <summary>The last dialog on the stack ended this turn.</summary>
    Complete,

    /// <summary>The stack was cleared (an interruption, an expiry).</summary>
    Cancelled,
}
