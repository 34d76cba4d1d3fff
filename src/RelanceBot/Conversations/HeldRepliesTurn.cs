using RelanceBot.BotFramework.Authentication;
using RelanceBot.BotFramework.Hosting;
using RelanceBot.BotFramework.Schema;

namespace RelanceBot.Conversations;

/// <summary>
/// The turn as the patient conversation answers it: replies are held until what the turn decided is saved, then sent
/// in order, so a patient never reads "sent to the practice" about a plan that was not stored.
/// </summary>
internal sealed class HeldRepliesTurn(ITurnContext turn) : ITurnContext
{
    private readonly List<Activity> _held = [];

    public Activity Activity => turn.Activity;

    public BotCallerIdentity Caller => turn.Caller;

    public InvokeResponse? InvokeResponse
    {
        get => turn.InvokeResponse;
        set => turn.InvokeResponse = value;
    }

    /// <summary>Held: no id until sent, which the patient conversation never needs.</summary>
    public Task<ResourceResponse?> SendActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        _held.Add(activity);
        return Task.FromResult<ResourceResponse?>(null);
    }

    public Task<ResourceResponse?> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken)
        => turn.UpdateActivityAsync(activity, cancellationToken);

    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken)
        => turn.DeleteActivityAsync(activityId, cancellationToken);

    /// <summary>Sends what the turn said, once its changes are saved.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        foreach (var activity in _held)
        {
            await turn.SendActivityAsync(activity, cancellationToken);
        }

        _held.Clear();
    }
}
