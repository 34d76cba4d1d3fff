using RelanceBot.Understanding;

namespace RelanceBot.Tests.Understanding;

/// <summary>One line of the entity corpus: a reply with the count and date it names.</summary>
public sealed record CorpusUtterance(string Text, Intent Intent, int? InstallmentCount, DateOnly? PromisedDate)
{
    public override string ToString() => $"{Text} => {Intent}";
}
