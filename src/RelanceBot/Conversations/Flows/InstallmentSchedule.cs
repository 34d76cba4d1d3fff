namespace RelanceBot.Conversations.Flows;

/// <summary>Splits a balance into monthly installments, the first today; the odd cents go on the first one.</summary>
public static class InstallmentSchedule
{
    public static IReadOnlyList<Installment> Split(long totalCents, int count, DateOnly firstDate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(totalCents);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        var share = totalCents / count;
        var first = totalCents - share * (count - 1);
        return [.. Enumerable.Range(0, count).Select(i => new Installment(firstDate.AddMonths(i), i == 0 ? first : share))];
    }
}
