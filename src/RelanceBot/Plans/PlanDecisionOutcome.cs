namespace RelanceBot.Plans;

public enum PlanDecisionOutcome
{
    Decided,

    /// <summary>Already decided (a second click, or the API after a card): nothing changed.</summary>
    AlreadyDecided,

    NotFound,

    /// <summary>The invoice was settled, cancelled or disputed meanwhile: the plan is cancelled, the patient told nothing.</summary>
    InvoiceClosed,
}
