namespace RelanceBot.Understanding;

/// <summary>Turns a patient's free-text reply into an intent and entities.</summary>
/// <remarks>
/// Synchronous and side-effect free on purpose: the offline implementation runs in microseconds.
/// A model-backed recogniser can implement it by wrapping its call, or sit behind an async port later.
/// </remarks>
public interface IIntentRecognizer
{
    /// <summary>Recognises <paramref name="text"/>; never throws for any input, empty included.</summary>
    Recognition Recognize(string text, RecognitionContext context);
}
