namespace RelanceBot.Understanding;

/// <summary>
/// The rules: lexicon phrases are scored unless a negation cancels them, and the numbers, dates and means of payment
/// found add their own evidence. <see cref="IntentRecognizer"/> takes its entities and its opt-out and hardship
/// evidence from here; on its own it recognises only the phrasings its lexicon lists.
/// </summary>
internal sealed class LexiconRecognizer : IIntentRecognizer
{
    /// <summary>"en 3 fois" settles the request even when the patient adds "je ne peux pas tout payer".</summary>
    private const double InstallmentCountWeight = 4;

    /// <summary>A future date means "later" unless a stronger phrase says otherwise ("j'ai payé le 10").</summary>
    private const double FutureDateWeight = 2.5;

    private static readonly PhraseMatcher Matcher = new(IntentLexicon.Entries);

    public Recognition Recognize(string text, RecognitionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tokens = TextNormalizer.Normalize(text ?? "");
        return tokens.Count == 0 ? Recognition.Unrecognised(0) : Weigh(tokens, context).Recognition;
    }

    /// <summary>The rules' decision on normalised words, with the evidence each intent gathered.</summary>
    public static (Recognition Recognition, IntentScores Scores) Weigh(IReadOnlyList<Token> tokens, RecognitionContext context)
    {
        var scores = new IntentScores();
        var counted = new List<PhraseMatch>();
        PhraseMatch? deferEvidence = null;

        // Strongest first, and a word is evidence only once per intent: "payer ... maintenant" does not also
        // count as "payer" and "maintenant".
        foreach (var match in Matcher.FindAll(tokens).OrderByDescending(match => match.Entry.Weight))
        {
            if ((!match.Entry.IgnoresNegation && Negation.Covers(tokens, match.Start, match.End))
                || counted.Exists(other => other.Entry.Intent == match.Entry.Intent && other.Overlaps(match)))
            {
                continue;
            }

            counted.Add(match);
            scores.Add(match.Entry.Intent, match.Entry.Weight);
            if (match.Entry.Intent == Intent.Defer && match.Entry.Weight > (deferEvidence?.Entry.Weight ?? 0))
            {
                deferEvidence = match;
            }
        }

        var installmentCount = InstallmentCounts.Find(tokens);
        if (installmentCount is not null)
        {
            scores.Add(Intent.Installments, InstallmentCountWeight);
        }

        var date = DateExpressions.Resolve(tokens, context.Today);
        if (date > context.Today)
        {
            scores.Add(Intent.Defer, FutureDateWeight);
        }

        var (intent, confidence) = scores.Decide();
        var recognition = new Recognition(intent, confidence)
        {
            InstallmentCount = installmentCount,
            PromisedDate = date,
            DeferPhrase = deferEvidence is { } evidence ? SpanText(tokens, evidence) : null,
            PaymentMethod = PaymentMethods.Find(tokens),
            StopRequested = scores[Intent.Stop] > 0,
            HardshipMentioned = scores[Intent.Hardship] > 0,
        };
        return (recognition, scores);
    }

    private static string SpanText(IReadOnlyList<Token> tokens, PhraseMatch match) =>
        string.Join(' ', tokens.Skip(match.Start).Take(match.End - match.Start + 1).Select(token => token.Text));
}
