using System.Reflection;

namespace RelanceBot.Understanding.Classification;

/// <summary>
/// The trained intent, opt-out and language classifiers, shipped inside this assembly (see Training/README.md for how they are
/// rebuilt) and loaded once per process on first use.
/// </summary>
internal static class ClassifierModels
{
    public const string IntentsResource = "RelanceBot.Understanding.Model.intents.zip";
    public const string LanguagesResource = "RelanceBot.Understanding.Model.languages.zip";
    public const string StopsResource = "RelanceBot.Understanding.Model.stops.zip";

    private static readonly Lazy<TextClassifier> LazyIntents = new(() => LoadEmbedded(IntentsResource));
    private static readonly Lazy<TextClassifier> LazyLanguages = new(() => LoadEmbedded(LanguagesResource));
    private static readonly Lazy<TextClassifier> LazyStops = new(() => LoadEmbedded(StopsResource));

    public static TextClassifier Intents => LazyIntents.Value;

    public static TextClassifier Languages => LazyLanguages.Value;

    public static TextClassifier Stops => LazyStops.Value;

    private static TextClassifier LoadEmbedded(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The model {name} is not embedded: run tools/RelanceBot.IntentTraining.");
        return TextClassifier.Load(stream);
    }
}
