using RelanceBot.Plans;

namespace RelanceBot.Conversations.Flows;

/// <summary>
/// The monthly schedule the patient is shown, the first installment today. Each invoice gets its own plan, split by
/// <see cref="InstallmentSplitter"/>; the schedule adds them up, so what the patient accepts is, to the cent, what the
/// plans will collect.
/// </summary>
public static class InstallmentSchedule
{
    public static IReadOnlyList<ProposedInstallment> Split(IEnumerable<long> invoiceOutstandingCents, int count, DateOnly firstDate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        var totals = new long[count];
        foreach (var outstanding in invoiceOutstandingCents)
        {
            var shares = InstallmentSplitter.Split(outstanding, count);
            for (var i = 0; i < count; i++)
            {
                totals[i] += shares[i];
            }
        }

        return [.. totals.Select((amount, i) => new ProposedInstallment(firstDate.AddMonths(i), amount))];
    }
}
