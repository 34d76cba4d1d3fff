namespace RelanceBot.Understanding;

/// <summary>The understood intent of one reply, with the entities it carried.</summary>
/// <param name="Intent">The most likely intent; <see cref="Intent.Other"/> when nothing was recognised.</param>
/// <param name="Confidence">0 (a guess) to 1 (certain); see <see cref="IsConfident"/>.</param>
public sealed record Recognition(Intent Intent, double Confidence)
{
    /// <summary>Above this, the bot acts on the reply; at or below it, a reply that changes data is confirmed first.</summary>
    public const double ConfidentAbove = 0.7;

    public bool IsConfident => Confidence > ConfidentAbove;

    /// <summary>Number of instalments asked for ("en 3 fois" → 3); null when none was given.</summary>
    public int? InstallmentCount { get; init; }

    /// <summary>The date the patient named, resolved against <see cref="RecognitionContext.Today"/>.</summary>
    public DateOnly? PromisedDate { get; init; }

    /// <summary>The normalised words that justified a deferral ("quand je serai paye"), for staff to read.</summary>
    public string? DeferPhrase { get; init; }

    /// <summary>A means of payment mentioned in the reply, if any.</summary>
    public PaymentMethod? PaymentMethod { get; init; }

    /// <summary>
    /// The reply asks to stop messages, whatever else it asks: an opt-out must be honoured even when a
    /// higher-priority intent ("j'ai déjà payé, arrêtez les SMS") decides what the bot does next.
    /// </summary>
    public bool StopRequested { get; init; }

    /// <summary>The reply tells of money trouble, even when another intent leads: staff should know.</summary>
    public bool HardshipMentioned { get; init; }

    /// <summary>The language the reply is written in ("fr", "en", "es", "pt", "ar"); null when too short to tell.</summary>
    public string? Language { get; init; }

    public static Recognition Unrecognised(double confidence) => new(Intent.Other, confidence);
}
