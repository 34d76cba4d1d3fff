using RelanceBot.Conversations.Understanding;

namespace RelanceBot.Tests.Conversations.Understanding;

/// <summary>One labelled line of the intent corpus.</summary>
public sealed record CorpusUtterance(string Text, Intent Intent, int? InstallmentCount, DateOnly? PromisedDate, bool HeldOut)
{
    public override string ToString() => $"{Text} => {Intent}";
}
