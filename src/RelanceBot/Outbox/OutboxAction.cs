namespace RelanceBot.Outbox;

/// <summary>A suggested reply: a button in Teams and Web Chat, a numbered line in an SMS.</summary>
public sealed record OutboxAction(string Title, string Value);
