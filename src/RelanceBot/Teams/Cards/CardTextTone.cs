namespace RelanceBot.Teams.Cards;

public enum CardTextTone
{
    Default,
    Subtle,
    Attention,
    Good,
}
