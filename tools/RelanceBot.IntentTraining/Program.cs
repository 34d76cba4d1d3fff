using System.Globalization;
using RelanceBot.Understanding;
using RelanceBot.Understanding.Classification;

// Usage (from the repository root):
//   dotnet run --project tools/RelanceBot.IntentTraining -- train          rebuild the shipped models
//   dotnet run --project tools/RelanceBot.IntentTraining -- cv [folds]     cross-validate on the training file
//   dotnet run --project tools/RelanceBot.IntentTraining -- score <file> [--misses] [--rules-only]
//   dotnet run --project tools/RelanceBot.IntentTraining -- try "<reply>" ...              one reading per reply
const string TrainingFile = "src/RelanceBot.Understanding/Training/intent-training.tsv";
const string ModelFolder = "src/RelanceBot.Understanding/Model";
var context = new RecognitionContext(new DateOnly(2026, 12, 7));

switch (args.FirstOrDefault())
{
    case "train":
        Train();
        return 0;
    case "cv":
        CrossValidate(args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var folds) ? folds : 5);
        return 0;
    case "score" when args.Length > 1:
        IIntentRecognizer scored = args.Contains("--rules-only") ? new LexiconRecognizer() : new IntentRecognizer();
        Print(IntentEvaluation.Score(scored, LabelledReplies.ReadFile(args[1]), context), args.Contains("--misses"));
        return 0;
    case "try":
        foreach (var text in args.Skip(1))
        {
            var reading = new IntentRecognizer().Recognize(text, context);
            Console.WriteLine($"{text} → {reading}");
        }

        return 0;
    default:
        Console.Error.WriteLine("commands: train | cv [folds] [--misses] | score <labelled file> [--misses] [--rules-only] | try <reply>...");
        return 2;
}

void Train()
{
    var bytes = File.ReadAllBytes(TrainingFile);
    var replies = LabelledReplies.ReadFile(TrainingFile);
    Save(ClassifierTraining.TrainIntents(replies), "intents.zip");
    Save(ClassifierTraining.TrainStops(replies), "stops.zip");
    Save(ClassifierTraining.TrainLanguages(replies), "languages.zip");
    File.WriteAllText(Path.Combine(ModelFolder, "training.sha256"), ClassifierTraining.Fingerprint(bytes) + "\n");
    Console.WriteLine($"trained on {replies.Count} replies → {ModelFolder}");
}

void Save(TextClassifier classifier, string name)
{
    using var file = File.Create(Path.Combine(ModelFolder, name));
    classifier.Save(file);
}

void CrossValidate(int folds)
{
    var replies = LabelledReplies.ReadFile(TrainingFile);
    var shuffled = replies.OrderBy(reply => StableHash(reply.Text)).ToList();
    var held = new List<(LabelledReply, Recognition)>();
    var all = new List<IntentEvaluation>();
    for (var fold = 0; fold < folds; fold++)
    {
        var train = shuffled.Where((_, i) => i % folds != fold).ToList();
        var test = shuffled.Where((_, i) => i % folds == fold).ToList();
        var recognizer = new IntentRecognizer(
            ClassifierTraining.TrainIntents(train), ClassifierTraining.TrainStops(train), ClassifierTraining.TrainLanguages(train));
        all.Add(IntentEvaluation.Score(recognizer, test, context));
    }

    Console.WriteLine($"{folds}-fold cross-validation on {replies.Count} replies:");
    Console.WriteLine($"  accuracy {all.Sum(e => e.Correct)}/{all.Sum(e => e.Total)} = {(double)all.Sum(e => e.Correct) / all.Sum(e => e.Total):P1}, macro-F1 {all.Average(e => e.MacroF1):F3}");
    foreach (var intent in Enum.GetValues<Intent>())
    {
        var (correct, total) = (all.Sum(e => e.ByIntent.GetValueOrDefault(intent).Correct), all.Sum(e => e.ByIntent.GetValueOrDefault(intent).Total));
        Console.WriteLine($"  {intent,-15} {correct,4}/{total,-4} {(total == 0 ? 0 : (double)correct / total):P0}");
    }

    Console.WriteLine($"  non-French {all.Sum(e => e.NonFrench.Correct)}/{all.Sum(e => e.NonFrench.Total)}, two intents {all.Sum(e => e.TwoIntents.Correct)}/{all.Sum(e => e.TwoIntents.Total)}, stops recorded {all.Sum(e => e.Stops.Recorded)}/{all.Sum(e => e.Stops.Total)}, stop read in {all.Sum(e => e.FalseStops)} other replies");
    var changing = all.SelectMany(e => e.Results).Where(r => r.Recognition.Intent is Intent.Installments or Intent.Defer or Intent.Dispute or Intent.AlreadyPaid or Intent.Stop).ToList();
    Console.WriteLine($"  data-changing readings: {changing.Count}; wrong yet confident {changing.Count(r => r.Reply.Intent != r.Recognition.Intent && r.Recognition.IsConfident)}; right but confirmed {changing.Count(r => r.Reply.Intent == r.Recognition.Intent && !r.Recognition.IsConfident)}");
    if (args.Contains("--misses"))
    {
        foreach (var (reply, recognition) in all.SelectMany(e => e.Misses))
        {
            Console.WriteLine($"  {reply.Intent} → {recognition.Intent} ({recognition.Confidence:F2}) [{reply.Language}]: {reply.Text}");
        }
    }
}

static void Print(IntentEvaluation evaluation, bool misses)
{
    Console.WriteLine($"accuracy {evaluation.Correct}/{evaluation.Total} = {evaluation.Accuracy:P1}, macro-F1 {evaluation.MacroF1:F3}");
    foreach (var (intent, (correct, total)) in evaluation.ByIntent)
    {
        Console.WriteLine($"  {intent,-15} {correct,4}/{total,-4} {(double)correct / total:P0}");
    }

    Console.WriteLine($"  non-French {evaluation.NonFrench.Correct}/{evaluation.NonFrench.Total}, two intents {evaluation.TwoIntents.Correct}/{evaluation.TwoIntents.Total}, stops recorded {evaluation.Stops.Recorded}/{evaluation.Stops.Total}, stop read in {evaluation.FalseStops} other replies");
    if (misses)
    {
        foreach (var (reply, recognition) in evaluation.Misses)
        {
            Console.WriteLine($"  {reply.Intent} → {recognition.Intent} ({recognition.Confidence:F2}): {reply.Text}");
        }
    }
}

static int StableHash(string text)
{
    var hash = 17;
    foreach (var c in text)
    {
        hash = unchecked((hash * 31) + c);
    }

    return hash;
}
