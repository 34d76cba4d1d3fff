using System.Net;
using RelanceBot.BotFramework.Connector;
using RelanceBot.BotFramework.Schema;
using RelanceBot.Outbox;
using RelanceBot.Persistence;

namespace RelanceBot.Sms;

/// <summary>
/// The Connector of one inbound SMS turn: each message the bot answers becomes an outbox SMS to the patient's number,
/// saved after the turn's own changes, so a reply gets the outbox's retries and is sent once.
/// </summary>
internal sealed class SmsReplyConnector(RelanceBotDbContext db, IOutbox outbox, SmsConversation conversation, string inboundMessageSid, TimeProvider time)
    : IConnectorClient
{
    private int _replies;

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
        => EnqueueAsync(activity, cancellationToken);

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken)
        => EnqueueAsync(activity, cancellationToken);

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
        => throw NotSupported("update a sent text");

    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken)
        => throw NotSupported("delete a sent text");

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
        => throw NotSupported("create conversations");

    public Task<IReadOnlyList<ChannelAccount>> GetConversationMembersAsync(string serviceUrl, string conversationId, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<ChannelAccount>>([new ChannelAccount { Id = conversation.PhoneNumber }]);

    public Task<ChannelAccount> GetConversationMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken)
        => memberId == conversation.PhoneNumber
            ? Task.FromResult(new ChannelAccount { Id = memberId })
            : throw new ConnectorException(HttpStatusCode.NotFound, "MemberNotFound", "No such member in this conversation.", null);

    private async Task<ResourceResponse> EnqueueAsync(Activity activity, CancellationToken cancellationToken)
    {
        // Typing and cards have no SMS form; the bot words every SMS answer as text (numbered choices).
        if (!activity.IsType(ActivityTypes.Message) || string.IsNullOrWhiteSpace(activity.Text))
        {
            return new ResourceResponse();
        }

        var key = $"sms-reply:{inboundMessageSid}:{++_replies}";
        await outbox.EnqueueAsync(
            new OutgoingMessage(key, conversation.PracticeId, OutboxPurpose.ConversationReply, DeliveryTarget.SmsNumber(conversation.PhoneNumber), new OutboxContent(activity.Text))
            {
                PatientId = conversation.PatientId,
                DueAt = time.GetUtcNow(),
            },
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new ResourceResponse(key);
    }

    private static ConnectorException NotSupported(string what)
        => new(HttpStatusCode.MethodNotAllowed, "NotSupported", $"SMS cannot {what}.", null);
}
