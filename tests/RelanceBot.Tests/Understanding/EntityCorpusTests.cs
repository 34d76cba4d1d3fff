using RelanceBot.Understanding;

namespace RelanceBot.Tests.Understanding;

/// <summary>
/// The rules' entities (instalment counts and promised dates) on the earlier labelled corpus, whose lines carry the
/// count and date each reply names.
/// </summary>
public sealed class EntityCorpusTests
{
    private static readonly IntentRecognizer recognizer = new();

    [Fact]
    public void Recognize_CorpusEntities_AreResolvedForNineOutOfTen()
    {
        var context = new RecognitionContext(IntentCorpus.Today);
        var labelled = IntentCorpus.LoadAll().Where(utterance => utterance.InstallmentCount is not null || utterance.PromisedDate is not null).ToList();

        var wrong = labelled
            .Select(utterance => (utterance, actual: recognizer.Recognize(utterance.Text, context)))
            .Where(pair => (pair.utterance.InstallmentCount is { } count && pair.actual.InstallmentCount != count)
                || (pair.utterance.PromisedDate is { } date && pair.actual.PromisedDate != date))
            .Select(pair => $"  \"{pair.utterance.Text}\": got count {pair.actual.InstallmentCount}, date {pair.actual.PromisedDate}")
            .ToList();

        labelled.Count.ShouldBeGreaterThan(40);
        (1 - (wrong.Count / (double)labelled.Count)).ShouldBeGreaterThanOrEqualTo(0.90, string.Join(Environment.NewLine, wrong));
    }
}
