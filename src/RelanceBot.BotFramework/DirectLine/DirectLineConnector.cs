using System.Net;
using Microsoft.Extensions.Options;
using RelanceBot.BotFramework.Connector;
using RelanceBot.BotFramework.Schema;

namespace RelanceBot.BotFramework.DirectLine;

/// <summary>
/// The Connector of the built-in Direct Line channel: what the bot sends lands in the conversation's activity log,
/// in process, where the client's stream or poll picks it up. Like Azure's Direct Line, it cannot create conversations
/// nor edit or delete a sent activity (405).
/// </summary>
internal sealed class DirectLineConnector(IDirectLineStore store, DirectLineAccounts accounts, TimeProvider timeProvider) : IConnectorClient
{
    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
        => AppendAsync(conversationId, activity with { ReplyToId = activityId }, cancellationToken);

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken)
        => AppendAsync(conversationId, activity, cancellationToken);

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
        => throw NotSupported("update activities");

    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken)
        => throw NotSupported("delete activities");

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
        => throw NotSupported("create conversations: the client starts them");

    public async Task<IReadOnlyList<ChannelAccount>> GetConversationMembersAsync(string serviceUrl, string conversationId, CancellationToken cancellationToken)
    {
        var conversation = await FindAsync(conversationId, cancellationToken);
        return [conversation.User, accounts.Bot];
    }

    public async Task<ChannelAccount> GetConversationMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken)
    {
        var members = await GetConversationMembersAsync(serviceUrl, conversationId, cancellationToken);
        return members.FirstOrDefault(member => member.Id == memberId)
            ?? throw new ConnectorException(HttpStatusCode.NotFound, "MemberNotFound", "No such member in this conversation.", null);
    }

    private async Task<ResourceResponse> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        // Azure delivers typing over the WebSocket only and never in a GET; a log has no place for it.
        if (activity.IsType(ActivityTypes.Typing))
        {
            return new ResourceResponse();
        }

        var appended = await store.AppendAsync(
            conversationId,
            activity with
            {
                ChannelId = DirectLineAccounts.ChannelId,
                Conversation = new ConversationAccount { Id = conversationId },
                From = accounts.Bot,
                Timestamp = timeProvider.GetUtcNow(),
            },
            clientActivityId: null,
            cancellationToken) ?? throw ConversationGone();
        return new ResourceResponse(appended.Activity.Id);
    }

    private async Task<DirectLineConversation> FindAsync(string conversationId, CancellationToken cancellationToken)
        => await store.FindAsync(conversationId, cancellationToken) ?? throw ConversationGone();

    private static ConnectorException ConversationGone()
        => new(HttpStatusCode.NotFound, "ConversationNotFound", "The Direct Line conversation does not exist or has expired.", null);

    private static ConnectorException NotSupported(string what)
        => new(HttpStatusCode.MethodNotAllowed, "NotSupported", $"Direct Line cannot {what}.", null);
}
