namespace RelanceBot.BotFramework.Hosting;

/// <summary>The application's bot: called once per inbound activity (a "turn").</summary>
public interface IBot
{
    Task OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken);
}
