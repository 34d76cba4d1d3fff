namespace RelanceBot.Understanding;

/// <summary>How a recogniser fares on labelled replies: the figures docs/intent-recognition.md reports.</summary>
public sealed record IntentEvaluation(
    int Total,
    int Correct,
    IReadOnlyDictionary<Intent, (int Correct, int Total)> ByIntent,
    double MacroF1,
    (int Correct, int Total) NonFrench,
    (int Correct, int Total) TwoIntents,
    (int Recorded, int Total) Stops,
    int FalseStops,
    IReadOnlyList<(LabelledReply Reply, Recognition Recognition)> Results)
{
    public IEnumerable<(LabelledReply Reply, Recognition Recognition)> Misses => Results.Where(result => !IsCorrect(result));

    public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;

    public static IntentEvaluation Score(IIntentRecognizer recognizer, IEnumerable<LabelledReply> replies, RecognitionContext context)
    {
        ArgumentNullException.ThrowIfNull(recognizer);
        var results = replies.Select(reply => (Reply: reply, Recognition: recognizer.Recognize(reply.Text, context))).ToList();
        var intents = results.Select(result => result.Reply.Intent).Distinct().Order().ToList();
        var byIntent = intents.ToDictionary(
            intent => intent,
            intent => (results.Count(r => r.Reply.Intent == intent && r.Recognition.Intent == intent),
                       results.Count(r => r.Reply.Intent == intent)));

        return new IntentEvaluation(
            results.Count,
            results.Count(IsCorrect),
            byIntent,
            intents.Average(intent => F1(results, intent)),
            Share(results.Where(r => r.Reply.Language != "fr")),
            Share(results.Where(r => r.Reply.AlsoMeant.Count > 0)),
            (results.Count(r => r.Reply.MeansStop && r.Recognition.StopRequested), results.Count(r => r.Reply.MeansStop)),
            results.Count(r => !r.Reply.MeansStop && r.Recognition.StopRequested),
            results);
    }

    private static bool IsCorrect((LabelledReply Reply, Recognition Recognition) result) =>
        result.Reply.Intent == result.Recognition.Intent;

    private static (int Correct, int Total) Share(IEnumerable<(LabelledReply Reply, Recognition Recognition)> results)
    {
        var list = results.ToList();
        return (list.Count(IsCorrect), list.Count);
    }

    private static double F1(List<(LabelledReply Reply, Recognition Recognition)> results, Intent intent)
    {
        var truePositives = results.Count(r => r.Reply.Intent == intent && r.Recognition.Intent == intent);
        var predicted = results.Count(r => r.Recognition.Intent == intent);
        var actual = results.Count(r => r.Reply.Intent == intent);
        return truePositives == 0 ? 0 : 2.0 * truePositives / (predicted + actual);
    }
}
