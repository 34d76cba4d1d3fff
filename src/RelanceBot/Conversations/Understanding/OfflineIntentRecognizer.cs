namespace RelanceBot.Conversations.Understanding;

/// <summary>
/// Recognises French and English replies with no model and no network: the text is normalised, lexicon phrases
/// are scored unless a negation cancels them, and the numbers and dates found add their own evidence.
/// Thread-safe and allocation-light; register it as a singleton.
/// </summary>
public sealed class OfflineIntentRecognizer : IIntentRecognizer
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
        if (tokens.Count == 0)
        {
            return Recognition.Unrecognised(0);
        }

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
        return new Recognition(intent, confidence)
        {
            InstallmentCount = installmentCount,
            PromisedDate = date,
            DeferPhrase = intent == Intent.Defer && deferEvidence is { } evidence ? SpanText(tokens, evidence) : null,
            PaymentMethod = PaymentMethods.Find(tokens),
        };
    }

    private static string SpanText(IReadOnlyList<Token> tokens, PhraseMatch match) =>
        string.Join(' ', tokens.Skip(match.Start).Take(match.End - match.Start + 1).Select(token => token.Text));
}
