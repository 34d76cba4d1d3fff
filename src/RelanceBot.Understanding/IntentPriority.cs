namespace RelanceBot.Understanding;

/// <summary>
/// Which intent the bot acts on when a reply holds several: the one whose miss costs most (a payment already made, a
/// contested bill, a person asked for) comes first. An opt-out said beside another request is honoured all the same
/// (<see cref="Recognition.StopRequested"/>).
/// </summary>
public static class IntentPriority
{
    private static readonly Intent[] Order =
    [
        Intent.AlreadyPaid, Intent.Dispute, Intent.TalkToHuman, Intent.Installments, Intent.Defer, Intent.PayNow,
        Intent.InvoiceDetails, Intent.Stop, Intent.Hardship, Intent.Greeting, Intent.Other,
    ];

    private static readonly int[] Rank = RankOf();

    public static bool Outranks(Intent intent, Intent other) => Rank[(int)intent] < Rank[(int)other];

    private static int[] RankOf()
    {
        var rank = new int[Order.Length];
        for (var i = 0; i < Order.Length; i++)
        {
            rank[(int)Order[i]] = i;
        }

        return rank;
    }
}
