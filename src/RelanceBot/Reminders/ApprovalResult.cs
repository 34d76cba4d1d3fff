using RelanceBot.Collection;

namespace RelanceBot.Reminders;

/// <param name="Refusal">Why an approved hand-off to collection could not go ahead (<see cref="ApprovalOutcome.Refused"/>).</param>
public sealed record ApprovalResult(ApprovalOutcome Outcome, HandOffRefusal? Refusal = null);
