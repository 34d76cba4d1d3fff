namespace RelanceBot.BotFramework;

/// <summary>The Azure Bot identity kind (<c>MicrosoftAppType</c>).</summary>
public enum BotAppType
{
    MultiTenant,
    SingleTenant,
    UserAssignedMSI,
}
