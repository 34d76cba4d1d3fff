using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RelanceBot.BotFramework;
using RelanceBot.BotFramework.Connector;
using RelanceBot.BotFramework.Schema;
using RelanceBot.Outbox;
using RelanceBot.Persistence;

namespace RelanceBot.Delivery;

/// <summary>
/// Sends chat messages through the Bot Connector: into a stored conversation, or into one the bot opens where the
/// channel allows it (protocol brief §5.3): Teams 1:1. SMS goes through the SMS provider (<c>Sms/</c>), not Azure's
/// SMS channel.
/// </summary>
public sealed class BotFrameworkChatDelivery(
    RelanceBotDbContext db,
    IConnectorClient connector,
    IOptions<ChatDeliveryOptions> chatOptions,
    IOptions<BotFrameworkOptions> botOptions) : IMessageDelivery
{
    public DeliveryChannel Channel => DeliveryChannel.Chat;

    public async Task<DeliveryResult> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var reference = message.ConversationReferenceId is { } referenceId
                ? await LoadReferenceAsync(referenceId, cancellationToken)
                : await OpenConversationAsync(message.Target, cancellationToken);
            if (reference is null)
            {
                return DeliveryResult.Permanent(message.ConversationReferenceId is null
                    ? $"chat cannot start a conversation on '{message.RecipientChannelId}'"
                    : $"chat conversation reference {message.ConversationReferenceId} not found");
            }

            var activity = ChatActivities.Create(reference, message.Content);
            var response = await connector.SendToConversationAsync(
                reference.ServiceUrl!, reference.Conversation!.Id!, activity, cancellationToken);
            return DeliveryResult.Sent(response.Id);
        }
        catch (ConnectorException exception)
        {
            return ConnectorFailures.Classify(exception);
        }
        catch (UntrustedServiceUrlException)
        {
            return DeliveryResult.Permanent("chat serviceUrl not trusted");
        }
        catch (JsonException)
        {
            return DeliveryResult.Permanent("chat conversation reference or card is not valid JSON");
        }
        catch (HttpRequestException exception)
        {
            return DeliveryResult.Transient($"chat connection failed: {exception.HttpRequestError}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.Transient("chat timeout");
        }
    }

    private async Task<ConversationReference?> LoadReferenceAsync(Guid referenceId, CancellationToken cancellationToken)
    {
        var json = await db.ConversationReferences.AsNoTracking()
            .Where(record => record.Id == referenceId)
            .Select(record => record.ReferenceJson)
            .SingleOrDefaultAsync(cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<ConversationReference>(json, BotFrameworkJson.Options);
    }

    /// <summary>Opens a 1:1 conversation; null when the channel does not let a bot start one (Web Chat, Direct Line).</summary>
    private async Task<ConversationReference?> OpenConversationAsync(DeliveryTarget target, CancellationToken cancellationToken)
    {
        var options = chatOptions.Value;
        var (serviceUrl, bot) = target.RecipientChannelId switch
        {
            DeliveryTarget.TeamsChannelId => (options.TeamsServiceUrl, new ChannelAccount { Id = $"28:{botOptions.Value.AppId}" }),
            _ => (null, null),
        };
        if (serviceUrl is null || bot is null || target.RecipientId is null)
        {
            return null;
        }

        var user = new ChannelAccount { Id = target.RecipientId };
        var created = await connector.CreateConversationAsync(serviceUrl, new ConversationParameters
        {
            IsGroup = false,
            Bot = bot,
            Members = [user],
            TenantId = target.RecipientTenantId,
        }, cancellationToken);
        return new ConversationReference
        {
            ChannelId = target.RecipientChannelId,
            ServiceUrl = created.ServiceUrl ?? serviceUrl,
            Bot = bot,
            User = user,
            Conversation = new ConversationAccount { Id = created.Id, TenantId = target.RecipientTenantId },
        };
    }
}
