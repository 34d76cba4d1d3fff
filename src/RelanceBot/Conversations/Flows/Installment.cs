namespace RelanceBot.Conversations.Flows;

public sealed record Installment(DateOnly DueDate, long AmountCents);
