namespace RelanceBot.Reminders.Calendar;

/// <summary>
/// At most <see cref="MaxContacts"/> unsolicited contacts per patient in any rolling <see cref="Period"/>.
/// </summary>
/// <remarks>
/// Once allowed, a contact stays allowed as time passes, so callers combine it with the contact windows as
/// <c>calendar.NextAllowedInstant(quota.NextAllowedInstant(notBefore, previousContacts))</c>.
/// </remarks>
public sealed record ContactQuota
{
    public ContactQuota(int maxContacts, TimeSpan period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxContacts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        MaxContacts = maxContacts;
        Period = period;
    }

    /// <summary>Four contacts in any 30 days.</summary>
    public static ContactQuota Default { get; } = new(4, TimeSpan.FromDays(30));

    public int MaxContacts { get; }

    public TimeSpan Period { get; }

    /// <summary>
    /// The earliest instant at or after <paramref name="notBefore"/> when one more contact keeps the patient within
    /// the quota: when the oldest of the last <see cref="MaxContacts"/> contacts leaves the rolling period.
    /// A contact exactly <see cref="Period"/> old no longer counts.
    /// </summary>
    public DateTimeOffset NextAllowedInstant(DateTimeOffset notBefore, IEnumerable<DateTimeOffset> previousContacts)
    {
        ArgumentNullException.ThrowIfNull(previousContacts);

        var recent = previousContacts.OrderDescending().Take(MaxContacts).ToList();
        if (recent.Count < MaxContacts)
        {
            return notBefore;
        }

        var oldestLeavesAt = recent[^1] + Period;
        return oldestLeavesAt > notBefore ? oldestLeavesAt : notBefore;
    }
}
