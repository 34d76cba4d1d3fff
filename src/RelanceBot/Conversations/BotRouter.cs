using RelanceBot.BotFramework.Hosting;
using RelanceBot.BotFramework.Schema;
using RelanceBot.Teams;
using RelanceBot.Teams.Alerts;

namespace RelanceBot.Conversations;

/// <summary>
/// The app's bot: routes each turn, staff traffic from Teams (channel and group conversations, card actions) to
/// <see cref="StaffBot"/>, everything else to the patients' <see cref="PatientBot"/>.
/// </summary>
public sealed class BotRouter(IServiceProvider services) : IBot
{
    public Task OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        IBot bot = IsStaffTraffic(turn.Activity)
            ? services.GetRequiredService<StaffBot>()
            : services.GetRequiredService<PatientBot>();
        return bot.OnTurnAsync(turn, cancellationToken);
    }

    public static bool IsStaffTraffic(Activity activity)
        => (activity.IsType(ActivityTypes.Invoke) && activity.Name == StaffBot.CardActionInvokeName)
            || (activity.IsType(ActivityTypes.Message) && AlertActionRequest.IsAlertData(activity.Value))
            || TeamsConversations.IsStaffConversation(activity);
}
