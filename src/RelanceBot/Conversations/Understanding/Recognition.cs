namespace RelanceBot.Conversations.Understanding;

/// <summary>The understood intent of one reply, with the entities it carried.</summary>
/// <param name="Intent">The most likely intent; <see cref="Intent.Other"/> when nothing was recognised.</param>
/// <param name="Confidence">0 (a guess) to 1 (certain); callers should confirm below about 0.5.</param>
public sealed record Recognition(Intent Intent, double Confidence)
{
    /// <summary>Number of instalments asked for ("en 3 fois" → 3); null when none was given.</summary>
    public int? InstallmentCount { get; init; }

    /// <summary>The date the patient named, resolved against <see cref="RecognitionContext.Today"/>.</summary>
    public DateOnly? PromisedDate { get; init; }

    /// <summary>The normalised words that justified a deferral ("quand je serai paye"), for staff to read.</summary>
    public string? DeferPhrase { get; init; }

    /// <summary>A means of payment mentioned in the reply, if any.</summary>
    public PaymentMethod? PaymentMethod { get; init; }

    public static Recognition Unrecognised(double confidence) => new(Intent.Other, confidence);
}
