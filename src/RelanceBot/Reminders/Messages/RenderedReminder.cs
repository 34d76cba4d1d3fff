namespace RelanceBot.Reminders.Messages;

/// <summary>
/// A reminder ready for one channel: plain text for SMS, text with suggested actions for chat (a Teams card is built
/// from the same parts), subject and body for e-mail.
/// </summary>
public sealed record RenderedReminder(string? Subject, string Text, IReadOnlyList<ReminderButton> Buttons);
