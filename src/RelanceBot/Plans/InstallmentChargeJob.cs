using Quartz;
using RelanceBot.Auditing;

namespace RelanceBot.Plans;

/// <summary>Quartz entry point for <see cref="InstallmentCharges"/>; one run at a time.</summary>
[DisallowConcurrentExecution]
public sealed class InstallmentChargeJob(IServiceScopeFactory scopes) : IJob
{
    public static readonly JobKey Key = new("installment-charges", "payments");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ScopedAuditActor>().Use("scheduler:installments");
        await scope.ServiceProvider.GetRequiredService<InstallmentCharges>().ChargeDueAsync(cancellationToken);
    }
}
