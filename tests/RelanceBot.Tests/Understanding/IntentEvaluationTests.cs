using RelanceBot.Understanding;
using RelanceBot.Understanding.Classification;
using Xunit.Abstractions;

namespace RelanceBot.Tests.Understanding;

/// <summary>
/// The shipped recogniser on the evaluation set: replies written by someone who had seen neither the recogniser nor
/// its training replies, before the classifier was trained, and never trained or tuned on. Its figures are the ones
/// docs/intent-recognition.md reports; run with <c>--logger "console;verbosity=detailed"</c> to print them.
/// </summary>
public sealed class IntentEvaluationTests(ITestOutputHelper output)
{
    private static readonly RecognitionContext Context = new(new DateOnly(2026, 12, 7));

    private static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Understanding", file);

    [Fact]
    public void EvaluationSet_ReachesTheProductsBar()
    {
        var evaluation = IntentEvaluation.Score(new IntentRecognizer(), LabelledReplies.ReadFile(PathOf("intent-evaluation.tsv")), Context);
        var report = Describe(evaluation);
        output.WriteLine(report);

        evaluation.Total.ShouldBeGreaterThanOrEqualTo(400);
        evaluation.Accuracy.ShouldBeGreaterThanOrEqualTo(0.90, report);
        foreach (var (intent, (correct, total)) in evaluation.ByIntent)
        {
            ((double)correct / total).ShouldBeGreaterThanOrEqualTo(0.80, $"{intent}{Environment.NewLine}{report}");
        }

        ((double)evaluation.NonFrench.Correct / evaluation.NonFrench.Total).ShouldBeGreaterThanOrEqualTo(0.80, report);
        ((double)evaluation.TwoIntents.Correct / evaluation.TwoIntents.Total).ShouldBeGreaterThanOrEqualTo(0.80, report);
        ((double)evaluation.Stops.Recorded / evaluation.Stops.Total).ShouldBeGreaterThanOrEqualTo(0.90, report);
        evaluation.FalseStops.ShouldBeLessThanOrEqualTo(evaluation.Total / 50, report);
    }

    [Fact]
    public void EvaluationSet_SharesNoReplyWithTheTrainingFile()
    {
        var training = LabelledReplies.ReadFile(PathOf("intent-training.tsv")).Select(reply => reply.Text.Trim().ToUpperInvariant()).ToHashSet();

        LabelledReplies.ReadFile(PathOf("intent-evaluation.tsv"))
            .Where(reply => training.Contains(reply.Text.Trim().ToUpperInvariant()))
            .Select(reply => reply.Text)
            .ShouldBeEmpty();
    }

    [Fact]
    public void ShippedModels_WereTrainedOnTheTrainingFileAsItIs() =>
        File.ReadAllText(PathOf("training.sha256")).Trim().ShouldBe(
            ClassifierTraining.Fingerprint(File.ReadAllBytes(PathOf("intent-training.tsv"))),
            "the training file changed: run `dotnet run --project tools/RelanceBot.IntentTraining -- train`");

    [Fact]
    public async Task Recognize_FromManyThreadsAtOnce_GivesTheSameAnswers()
    {
        var recognizer = new IntentRecognizer();
        var replies = LabelledReplies.ReadFile(PathOf("intent-evaluation.tsv")).Take(100).ToList();
        var alone = replies.Select(reply => recognizer.Recognize(reply.Text, Context).Intent).ToList();

        var together = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => replies.Select(reply => recognizer.Recognize(reply.Text, Context).Intent).ToList())));

        foreach (var run in together)
        {
            run.ShouldBe(alone);
        }
    }

    private static string Describe(IntentEvaluation evaluation) => string.Join(Environment.NewLine,
    [
        $"accuracy {evaluation.Correct}/{evaluation.Total} = {evaluation.Accuracy:P1}, macro-F1 {evaluation.MacroF1:F3}",
        .. evaluation.ByIntent.Select(pair => $"  {pair.Key,-15} {pair.Value.Correct,3}/{pair.Value.Total}"),
        $"  non-French {evaluation.NonFrench.Correct}/{evaluation.NonFrench.Total}, two intents {evaluation.TwoIntents.Correct}/{evaluation.TwoIntents.Total}",
        $"  stops recorded {evaluation.Stops.Recorded}/{evaluation.Stops.Total}, stop read in {evaluation.FalseStops} other replies",
    ]);
}
