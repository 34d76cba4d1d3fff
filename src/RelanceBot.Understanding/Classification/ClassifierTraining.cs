using System.Security.Cryptography;

namespace RelanceBot.Understanding.Classification;

/// <summary>Trains the intent and language classifiers from labelled replies, as the shipped models were.</summary>
internal static class ClassifierTraining
{
    /// <summary>Any date serves: the rules resolve dates only to tell a future one, and training replies name none.</summary>
    private static readonly RecognitionContext TrainingContext = new(new DateOnly(2026, 1, 15));

    public static TextClassifier TrainIntents(IEnumerable<LabelledReply> replies) =>
        TextClassifier.Train(replies.Select(reply => Row(reply, reply.Intent.ToString())), readsEvidence: true);

    /// <summary>Whether a reply asks to stop messages, as its main intent or beside another (labels "stop"/"other").</summary>
    public static TextClassifier TrainStops(IEnumerable<LabelledReply> replies) =>
        TextClassifier.Train(replies.Select(reply => Row(reply, reply.MeansStop ? StopLabel : "other")), readsEvidence: true);

    public const string StopLabel = "stop";

    public static TextClassifier TrainLanguages(IEnumerable<LabelledReply> replies) =>
        TextClassifier.Train(replies.Select(reply => Row(reply, reply.Language)), readsEvidence: false);

    /// <summary>The fingerprint of a training file, shipped beside the models so a test can tell they are stale.</summary>
    public static string Fingerprint(byte[] trainingFile) => Convert.ToHexStringLower(SHA256.HashData(trainingFile));

    private static ClassifierInput Row(LabelledReply reply, string label)
    {
        var tokens = TextNormalizer.Normalize(reply.Text);
        return new ClassifierInput
        {
            Text = ClassifierText.From(reply.Text, tokens),
            Evidence = RuleEvidence.From(LexiconRecognizer.Weigh(tokens, TrainingContext).Scores),
            Label = label,
        };
    }
}
