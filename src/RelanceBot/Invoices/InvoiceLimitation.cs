namespace RelanceBot.Invoices;

/// <summary>
/// The two-year limitation of a professional's claim on a consumer (Code de la consommation art. L218-2): counted from
/// the issue date, restarted by each acknowledgement of the debt. Staff are warned <see cref="WarningDays"/> before.
/// </summary>
public static class InvoiceLimitation
{
    public const int Years = 2;

    public const int WarningDays = 60;

    /// <summary>The day the claim can no longer be enforced, for a clock started on <paramref name="clockStart"/>.</summary>
    public static DateOnly ExpiresOn(DateOnly clockStart) => clockStart.AddYears(Years);

    /// <summary>The latest clock start already inside the warning period on <paramref name="today"/>.</summary>
    public static DateOnly WarnedClockStartsBy(DateOnly today) => today.AddDays(WarningDays).AddYears(-Years);
}
