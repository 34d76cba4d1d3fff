using RelanceBot.Scheduling;

namespace RelanceBot.Plans;

/// <summary>The scheduled run of <see cref="DeferredPaymentLinks"/>.</summary>
public sealed class DeferredPaymentLinksJob(DeferredPaymentLinks links) : IScheduledWork
{
    public const string Name = "deferred-payment-links";

    public Task RunAsync(CancellationToken cancellationToken) => links.SendDueAsync(cancellationToken);
}
