namespace RelanceBot.Understanding;

/// <summary>Accumulated evidence per intent, and the decision it leads to.</summary>
internal sealed class IntentScores
{
    /// <summary>Breaks ties: the intents whose miss costs most (an ignored opt-out, a patient in need) come first.</summary>
    private static readonly Intent[] Priority =
    [
        Intent.Stop, Intent.TalkToHuman, Intent.Hardship, Intent.Dispute, Intent.AlreadyPaid, Intent.Installments,
        Intent.Defer, Intent.PayNow, Intent.InvoiceDetails, Intent.Greeting,
    ];

    private readonly double[] scores = new double[Enum.GetValues<Intent>().Length];

    public void Add(Intent intent, double weight) => scores[(int)intent] += weight;

    public double this[Intent intent] => scores[(int)intent];

    /// <summary>
    /// The best-scoring intent. Confidence grows with the amount of evidence and shrinks with a close runner-up.
    /// </summary>
    public (Intent Intent, double Confidence) Decide()
    {
        var best = Intent.Other;
        var runnerUp = 0.0;
        foreach (var intent in Priority)
        {
            if (this[intent] > this[best])
            {
                runnerUp = this[best];
                best = intent;
            }
            else
            {
                runnerUp = Math.Max(runnerUp, this[intent]);
            }
        }

        var top = this[best];
        if (top <= 0)
        {
            return (Intent.Other, 0);
        }

        var share = top / (top + runnerUp);
        return (best, Math.Round(share * (1 - Math.Exp(-top)), 3));
    }
}
