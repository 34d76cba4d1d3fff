namespace RelanceBot.Reminders;

/// <summary>
/// One thing the cadence would do: a message (with its text) or an alert to staff; or, with no step and a note, an
/// invoice whose reminders cannot be prepared.
/// </summary>
public sealed record PreviewEntry(
    DateTimeOffset At,
    string InvoiceReference,
    string? Step,
    StepAction? Action,
    ReminderTone? Tone,
    string? Channel,
    string? Subject,
    string? Text,
    string? Note);
