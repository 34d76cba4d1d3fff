namespace RelanceBot.Reminders.Messages;

/// <summary>A suggested action on a chat reminder: opens <see cref="Url"/>, or else sends <see cref="Value"/> back as the patient's reply.</summary>
public sealed record ReminderButton(string Title, string? Url, string? Value);
