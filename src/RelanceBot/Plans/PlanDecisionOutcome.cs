namespace RelanceBot.Plans;

public enum PlanDecisionOutcome
{
    Decided,

    /// <summary>Already decided (a second click, or the API after a card): nothing changed.</summary>
    AlreadyDecided,

    NotFound,
}
