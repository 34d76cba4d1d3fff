using System.Globalization;
using RelanceBot.Reminders.Calendar;

namespace RelanceBot.Tests.Reminders.Calendar;

public sealed class ContactQuotaTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-06-15T10:00:00+02:00", CultureInfo.InvariantCulture);

    [Fact]
    public void Default_IsFourContactsIn30Days()
    {
        ContactQuota.Default.MaxContacts.ShouldBe(4);
        ContactQuota.Default.Period.ShouldBe(TimeSpan.FromDays(30));
    }

    [Fact]
    public void NextAllowedInstant_FewerContactsThanTheQuota_IsNotBefore() =>
        ContactQuota.Default.NextAllowedInstant(Now, DaysAgo(20, 10, 1)).ShouldBe(Now);

    [Fact]
    public void NextAllowedInstant_FourContactsInTheLast30Days_WaitsForTheOldestToLeaveTheWindow() =>
        ContactQuota.Default.NextAllowedInstant(Now, DaysAgo(1, 20, 5, 10)).ShouldBe(Now.AddDays(10));

    [Fact]
    public void NextAllowedInstant_OlderContactsBeyondTheQuota_DoNotDelayFurther() =>
        ContactQuota.Default.NextAllowedInstant(Now, DaysAgo(60, 40, 20, 10, 5, 1)).ShouldBe(Now.AddDays(10));

    [Fact]
    public void NextAllowedInstant_OldestContactExactly30DaysAgo_NoLongerCounts() =>
        ContactQuota.Default.NextAllowedInstant(Now, DaysAgo(30, 10, 5, 1)).ShouldBe(Now);

    [Fact]
    public void NextAllowedInstant_NoContactsInTheWindow_IsNotBefore() =>
        ContactQuota.Default.NextAllowedInstant(Now, DaysAgo(31, 40, 45, 50)).ShouldBe(Now);

    [Fact]
    public void NextAllowedInstant_CustomQuota_UsesItsOwnCountAndPeriod() =>
        new ContactQuota(2, TimeSpan.FromDays(7)).NextAllowedInstant(Now, DaysAgo(3, 1)).ShouldBe(Now.AddDays(4));

    [Fact]
    public void NextAllowedInstant_CombinedWithTheCalendar_LandsInTheNextWindow()
    {
        var calendar = new ContactCalendar(new ContactWindowPolicy());

        // The oldest contact leaves the window on Saturday 20 June at 10:00, so the next one waits for Monday.
        var quotaAllows = ContactQuota.Default.NextAllowedInstant(Now, DaysAgo(25, 20, 2, 1));
        var next = calendar.NextAllowedInstant(quotaAllows);

        quotaAllows.ShouldBe(Now.AddDays(5));
        next.ShouldBe(DateTimeOffset.Parse("2026-06-22T10:00:00+02:00", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(0, 30)]
    [InlineData(4, 0)]
    [InlineData(4, -1)]
    public void Constructor_NonPositiveCountOrPeriod_Throws(int maxContacts, int periodDays) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new ContactQuota(maxContacts, TimeSpan.FromDays(periodDays)));

    private static DateTimeOffset[] DaysAgo(params int[] days) => [.. days.Select(day => Now.AddDays(-day))];
}
