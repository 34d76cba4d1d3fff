using RelanceBot.Collection;
using RelanceBot.Invoices;

namespace RelanceBot.Alerts;

/// <param name="Refusal">Why an approved hand-off to collection could not go ahead (<see cref="ApprovalOutcome.Refused"/>).</param>
/// <param name="Closure">What overtook a plan request (<see cref="ApprovalOutcome.Overtaken"/>).</param>
public sealed record ApprovalResult(ApprovalOutcome Outcome, HandOffRefusal? Refusal = null, InvoiceClosure? Closure = null);
