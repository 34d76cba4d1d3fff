namespace RelanceBot.Teams.Cards;

/// <summary>One "title: value" line of a card's FactSet.</summary>
public sealed record CardFact(string Title, string Value);
