namespace RelanceBot.Outbox;

/// <summary>
/// Asked just before each send whether the message still makes sense (a payment recorded after it was enqueued means
/// it is not sent). Registered as scoped services by the capabilities that own message purposes; every guard must
/// allow. Guards ignore purposes they do not own.
/// </summary>
public interface IOutboxSendGuard
{
    Task<SendDecision> CheckAsync(OutboxMessage message, CancellationToken cancellationToken);
}
