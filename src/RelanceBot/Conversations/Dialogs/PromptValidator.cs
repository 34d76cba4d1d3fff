namespace RelanceBot.Conversations.Dialogs;

/// <summary>
/// Checks a recognised value beyond its type (a date too far away, a count out of range). Returns null to accept it,
/// or what to tell the patient instead (which counts as an attempt).
/// </summary>
public delegate string? PromptValidator<in T>(T value);
