namespace RelanceBot.Plans;

public enum PlanDecision
{
    Approve,
    Reject,
}
