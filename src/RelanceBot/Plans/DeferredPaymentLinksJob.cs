using Quartz;
using RelanceBot.Auditing;

namespace RelanceBot.Plans;

/// <summary>Quartz entry point for <see cref="DeferredPaymentLinks"/>; one run at a time.</summary>
[DisallowConcurrentExecution]
public sealed class DeferredPaymentLinksJob(IServiceScopeFactory scopes) : IJob
{
    public static readonly JobKey Key = new("deferred-payment-links", "payments");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ScopedAuditActor>().Use("scheduler:deferred-payments");
        await scope.ServiceProvider.GetRequiredService<DeferredPaymentLinks>().SendDueAsync(cancellationToken);
    }
}
