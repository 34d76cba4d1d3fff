using System.Collections.Concurrent;
using RelanceBot.Delivery;
using RelanceBot.Outbox;

namespace RelanceBot.Tests.ScaleOut;

/// <summary>
/// The e-mail channel of every instance, counting each message's completed sends (by outbox message id), with a gate
/// an instance's sends can be held at to kill it mid-dispatch.
/// </summary>
public sealed class RecordingEmail
{
    private readonly ConcurrentDictionary<Guid, int> _sends = new();
    private int _started;

    public int Started => Volatile.Read(ref _started);

    public int Total => _sends.Values.Sum();

    public int Distinct => _sends.Count;

    public DeliveryResult Record(OutboxMessage message)
    {
        _sends.AddOrUpdate(message.Id, 1, (_, count) => count + 1);
        return DeliveryResult.Sent($"mail-{message.Id}");
    }

    public void CountStart() => Interlocked.Increment(ref _started);
}

/// <summary>One instance's e-mail delivery: waits at <paramref name="gate"/> (never opened for a killed instance), then records.</summary>
public sealed class RecordingEmailDelivery(RecordingEmail mail, Func<Task> gate) : IMessageDelivery
{
    public DeliveryChannel Channel => DeliveryChannel.Email;

    public async Task<DeliveryResult> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        mail.CountStart();
        await gate();
        return mail.Record(message);
    }
}
