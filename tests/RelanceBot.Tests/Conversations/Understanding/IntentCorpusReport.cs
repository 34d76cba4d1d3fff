using System.Globalization;
using System.Text;
using RelanceBot.Conversations.Understanding;

namespace RelanceBot.Tests.Conversations.Understanding;

/// <summary>Per-intent precision and recall of a recogniser over a set of labelled utterances.</summary>
public sealed class IntentCorpusReport
{
    private readonly List<(CorpusUtterance Utterance, Recognition Actual)> results;

    public IntentCorpusReport(IEnumerable<CorpusUtterance> corpus, IIntentRecognizer recognizer)
    {
        var context = new RecognitionContext(IntentCorpus.Today);
        results = [.. corpus.Select(utterance => (utterance, recognizer.Recognize(utterance.Text, context)))];
    }

    public int Count => results.Count;

    public double Accuracy => results.Count(result => result.Actual.Intent == result.Utterance.Intent) / (double)Count;

    public IEnumerable<CorpusUtterance> Misses =>
        results.Where(result => result.Actual.Intent != result.Utterance.Intent).Select(result => result.Utterance);

    public IEnumerable<string> DescribeMisses(bool includeHeldOut) =>
        results.Where(result => result.Actual.Intent != result.Utterance.Intent && (includeHeldOut || !result.Utterance.HeldOut))
            .Select(result => $"  \"{result.Utterance.Text}\": expected {result.Utterance.Intent}, got {result.Actual.Intent} ({result.Actual.Confidence})");

    public double Recall(Intent intent)
    {
        var expected = results.Where(result => result.Utterance.Intent == intent).ToList();
        return expected.Count == 0 ? 1 : expected.Count(result => result.Actual.Intent == intent) / (double)expected.Count;
    }

    public double Precision(Intent intent)
    {
        var predicted = results.Where(result => result.Actual.Intent == intent).ToList();
        return predicted.Count == 0 ? 1 : predicted.Count(result => result.Utterance.Intent == intent) / (double)predicted.Count;
    }

    /// <summary>A markdown table, as pasted into docs/intent-recognition.md.</summary>
    public string ToMarkdown(string title)
    {
        var table = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{title}: {Count} utterances, accuracy {Accuracy:P1}")
            .AppendLine()
            .AppendLine("| Intent | Utterances | Precision | Recall |")
            .AppendLine("|---|---:|---:|---:|");
        foreach (var intent in Enum.GetValues<Intent>())
        {
            var support = results.Count(result => result.Utterance.Intent == intent);
            table.AppendLine(CultureInfo.InvariantCulture, $"| {intent} | {support} | {Precision(intent):P1} | {Recall(intent):P1} |");
        }

        return table.ToString();
    }
}
