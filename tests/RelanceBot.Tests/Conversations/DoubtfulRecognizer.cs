using RelanceBot.Understanding;

namespace RelanceBot.Tests.Conversations;

/// <summary>The production recogniser, made unsure of the chosen replies: the intent stays, the confidence drops.</summary>
public sealed class DoubtfulRecognizer(Func<string, bool> doubts) : IIntentRecognizer
{
    private static readonly IntentRecognizer Real = new();

    public Recognition Recognize(string text, RecognitionContext context)
    {
        var recognition = Real.Recognize(text, context);
        return doubts(text) ? recognition with { Confidence = 0.5 } : recognition;
    }
}
