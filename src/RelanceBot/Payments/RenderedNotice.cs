namespace RelanceBot.Payments;

/// <summary>A payment notice in the patient's language: e-mail subject, text, and the title of its pay button.</summary>
public sealed record RenderedNotice(string Subject, string Text, string PayButtonTitle);
