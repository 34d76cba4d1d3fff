namespace RelanceBot.Outbox;

/// <summary>
/// Asked just before each send whether the message still makes sense (a payment recorded after it was enqueued means
/// it is not sent). Registered as scoped services by the capabilities that own message purposes; every guard must
/// allow. Guards ignore purposes they do not own. One guard instance checks several messages in turn (the DbContext's
/// change tracker is cleared between them), so it keeps no per-message state in fields.
/// </summary>
public interface IOutboxSendGuard
{
    Task<SendDecision> CheckAsync(OutboxMessage message, CancellationToken cancellationToken);
}
