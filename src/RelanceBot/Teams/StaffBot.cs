using System.Text.Json;
using System.Text.Json.Nodes;
using RelanceBot.BotFramework.Hosting;
using RelanceBot.BotFramework.Schema;
using RelanceBot.Conversations;
using RelanceBot.Conversations.Messages;
using RelanceBot.Teams.Alerts;
using RelanceBot.Teams.Cards;
using RelanceBot.Teams.Linking;
using RelanceBot.Teams.Messages;

namespace RelanceBot.Teams;

/// <summary>
/// The practice staff's side of the bot, in their Teams channel: linking the channel to a practice, and the buttons of
/// alert cards (Action.Execute invokes, or Action.Submit messages from older clients).
/// </summary>
public sealed class StaffBot(
    ConversationReferenceStore references,
    TeamsChannelLinks links,
    AlertActionHandler actions,
    AlertCardUpdater cards,
    TeamsMessages messages) : IBot
{
    public const string CardActionInvokeName = "adaptiveCard/action";

    private const string MessageResponseType = "application/vnd.microsoft.activity.message";

    public async Task OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var language = BotLanguages.FromLocale(activity.Locale);
        switch (activity.Type)
        {
            case ActivityTypes.Invoke when activity.Name == CardActionInvokeName:
                await OnCardActionAsync(turn, language, ReadExecuteAction(activity.Value), cancellationToken);
                break;
            case ActivityTypes.Message when AlertActionRequest.IsAlertData(activity.Value):
                await OnCardActionAsync(turn, language, AlertActionRequest.TryRead(activity.Value), cancellationToken);
                break;
            case ActivityTypes.Message:
                await OnCommandAsync(turn, language, cancellationToken);
                break;
            case ActivityTypes.ConversationUpdate when BotWasAdded(activity):
                await references.RecordAsync(TeamsConversations.ToChannel(activity), cancellationToken);
                await SayAsync(turn, language, "link-help", cancellationToken);
                break;
        }
    }

    private async Task OnCommandAsync(ITurnContext turn, BotLanguage language, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (!TeamsConversations.IsStaffConversation(activity))
        {
            await SayAsync(turn, language, "link-channel-only", cancellationToken);
            return;
        }

        var channel = (await references.RecordAsync(TeamsConversations.ToChannel(activity), cancellationToken)).Reference;
        var words = TeamsConversations.TextWithoutMentions(activity).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var command = words.FirstOrDefault()?.ToLowerInvariant();
        var outcome = command switch
        {
            "link" or "lier" when words.Length == 2 => await links.LinkAsync(words[1], channel, activity.From?.AadObjectId, cancellationToken),
            "unlink" or "délier" or "delier" => await links.UnlinkAsync(channel, activity.From?.AadObjectId, cancellationToken),
            _ => null,
        };
        var key = outcome?.Result switch
        {
            TeamsLinkResult.Linked => "linked",
            TeamsLinkResult.Unlinked => "unlinked",
            TeamsLinkResult.InvalidCode => "link-invalid",
            TeamsLinkResult.NotStaff => "link-not-staff",
            TeamsLinkResult.ChannelTaken => "link-channel-taken",
            TeamsLinkResult.NotLinked => "not-linked",
            _ => "link-help",
        };
        await SayAsync(turn, language, key, cancellationToken, ("practice", outcome?.Practice?.Name ?? ""));
    }

    private async Task OnCardActionAsync(
        ITurnContext turn, BotLanguage language, AlertActionRequest? request, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var channel = (await references.RecordAsync(TeamsConversations.ToChannel(activity), cancellationToken)).Reference;
        var practice = await links.FindPracticeAsync(channel, cancellationToken);
        var result = practice is null
            ? AlertActionResult.Refused(messages.Render(language, "refused-not-linked"))
            : request is null
                ? AlertActionResult.Refused(messages.Render(language, "refused-invalid-action"))
                : await actions.HandleAsync(practice.Id, activity.From?.AadObjectId, request, language, cancellationToken);

        if (result is { Status: AlertActionStatus.Done, AlertId: { } alertId, Card: { } card })
        {
            await cards.UpdateForEveryoneAsync(alertId, card, activity.ReplyToId, cancellationToken);
        }

        if (activity.IsType(ActivityTypes.Invoke))
        {
            // Universal Actions: always 200; the body either replaces the card for the clicker or shows a message.
            turn.InvokeResponse = new InvokeResponse(200, result.Card is { } shown
                ? new JsonObject { ["statusCode"] = 200, ["type"] = AdaptiveCardBuilder.ContentType, ["value"] = shown }
                : new JsonObject { ["statusCode"] = 200, ["type"] = MessageResponseType, ["value"] = result.Message });
        }
        else if (result.Status != AlertActionStatus.Done)
        {
            await turn.SendActivityAsync(activity.CreateReply(result.Message), cancellationToken);
        }
    }

    /// <summary>An Action.Execute invoke: <c>value.action.verb</c> and <c>value.action.data</c>.</summary>
    private static AlertActionRequest? ReadExecuteAction(JsonElement? value)
        => value is { ValueKind: JsonValueKind.Object } invoke
            && invoke.TryGetProperty("action", out var action)
            && action.ValueKind == JsonValueKind.Object
            && action.TryGetProperty("data", out var data)
                ? AlertActionRequest.TryRead(
                    data, action.TryGetProperty("verb", out var verb) && verb.ValueKind == JsonValueKind.String ? verb.GetString() : null)
                : null;

    private static bool BotWasAdded(Activity activity)
        => TeamsConversations.IsStaffConversation(activity)
            && activity.MembersAdded?.Any(member => member.Id == activity.Recipient?.Id) == true;

    private async Task SayAsync(
        ITurnContext turn, BotLanguage language, string key, CancellationToken cancellationToken, params (string Name, string Value)[] values)
        => await turn.SendActivityAsync(turn.Activity.CreateReply(messages.Render(language, key, values)), cancellationToken);
}
