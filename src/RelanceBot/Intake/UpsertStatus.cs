namespace RelanceBot.Intake;

public enum UpsertStatus
{
    Created,
    Updated,
    Unchanged,

    /// <summary>The input is invalid; see the field errors. Nothing was changed.</summary>
    Invalid,

    /// <summary>The target cannot change any more (e.g. a cancelled invoice). Nothing was changed.</summary>
    Conflict,
}
