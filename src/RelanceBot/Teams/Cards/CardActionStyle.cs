namespace RelanceBot.Teams.Cards;

public enum CardActionStyle
{
    Default,
    Positive,
    Destructive,
}
