using RelanceBot.Scheduling;

namespace RelanceBot.Plans;

/// <summary>The scheduled run of <see cref="InstallmentCharges"/>.</summary>
public sealed class InstallmentChargeJob(InstallmentCharges charges) : IScheduledWork
{
    public const string Name = "installment-charges";

    public Task RunAsync(CancellationToken cancellationToken) => charges.ChargeDueAsync(cancellationToken);
}
