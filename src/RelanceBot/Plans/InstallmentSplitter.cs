namespace RelanceBot.Plans;

/// <summary>Splits an amount into installments that add up to it exactly, to the cent.</summary>
public static class InstallmentSplitter
{
    /// <summary>Equal shares, the first taking the remainder: 100.00 € in 3 → 33.34 + 33.33 + 33.33.</summary>
    public static IReadOnlyList<long> Split(long totalCents, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(totalCents, count);
        var share = totalCents / count;
        var amounts = Enumerable.Repeat(share, count).ToArray();
        amounts[0] += totalCents - (share * count);
        return amounts;
    }
}
