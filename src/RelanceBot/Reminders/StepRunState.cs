namespace RelanceBot.Reminders;

/// <summary>What the planner knows of one claimed step: its outcome and when that outcome was recorded.</summary>
/// <param name="At">When the outcome was recorded: for <see cref="StepOutcome.Sent"/>, when the message was delivered.</param>
public readonly record struct StepRunState(StepOutcome Outcome, DateTimeOffset At);
