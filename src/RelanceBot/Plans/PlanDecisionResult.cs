using RelanceBot.Invoices;

namespace RelanceBot.Plans;

/// <param name="Closure">Set with <see cref="PlanDecisionOutcome.InvoiceClosed"/>: why the plan was cancelled instead.</param>
public sealed record PlanDecisionResult(PlanDecisionOutcome Outcome, InvoiceClosure? Closure = null);
