namespace RelanceBot.Understanding;

/// <summary>What a recogniser needs to know besides the text.</summary>
/// <param name="Today">The local date in the practice's time zone, to resolve "demain" or "le 5".</param>
/// <param name="Language">Two-letter hint ("fr" or "en") of the conversation's language.</param>
public sealed record RecognitionContext(DateOnly Today, string Language = "fr");
