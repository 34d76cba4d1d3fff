using System.Globalization;
using RelanceBot.Reminders.Calendar;

namespace RelanceBot.Tests.Reminders.Calendar;

public sealed class FrenchPublicHolidaysTests
{
    [Theory]
    [InlineData(1818, "1818-03-22")] // earliest possible date
    [InlineData(1943, "1943-04-25")] // latest possible date
    [InlineData(2000, "2000-04-23")]
    [InlineData(2008, "2008-03-23")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2285, "2285-03-22")]
    public void EasterSunday_KnownYears_MatchesTheGregorianCalendar(int year, string expected) =>
        FrenchPublicHolidays.EasterSunday(year).ShouldBe(DateOnly.Parse(expected, CultureInfo.InvariantCulture));

    [Fact]
    public void Of_2026_ListsEveryNationalHolidayInDateOrder()
    {
        FrenchPublicHolidays.Of(2026).ShouldBe(
        [
            new(new DateOnly(2026, 1, 1), PublicHolidayKind.NewYearsDay),
            new(new DateOnly(2026, 4, 6), PublicHolidayKind.EasterMonday),
            new(new DateOnly(2026, 5, 1), PublicHolidayKind.LabourDay),
            new(new DateOnly(2026, 5, 8), PublicHolidayKind.VictoryInEuropeDay),
            new(new DateOnly(2026, 5, 14), PublicHolidayKind.AscensionDay),
            new(new DateOnly(2026, 5, 25), PublicHolidayKind.WhitMonday),
            new(new DateOnly(2026, 7, 14), PublicHolidayKind.BastilleDay),
            new(new DateOnly(2026, 8, 15), PublicHolidayKind.AssumptionDay),
            new(new DateOnly(2026, 11, 1), PublicHolidayKind.AllSaintsDay),
            new(new DateOnly(2026, 11, 11), PublicHolidayKind.ArmisticeDay),
            new(new DateOnly(2026, 12, 25), PublicHolidayKind.ChristmasDay),
        ]);
    }

    [Fact]
    public void Of_2026WithAlsaceMoselle_AddsGoodFridayAndSaintStephensDay()
    {
        var holidays = FrenchPublicHolidays.Of(2026, includeAlsaceMoselle: true);

        holidays.Except(FrenchPublicHolidays.Of(2026)).ShouldBe(
        [
            new(new DateOnly(2026, 4, 3), PublicHolidayKind.GoodFriday),
            new(new DateOnly(2026, 12, 26), PublicHolidayKind.SaintStephensDay),
        ]);
        holidays.Count.ShouldBe(13);
        holidays.Select(holiday => holiday.Date).ShouldBeInOrder();
    }

    [Fact]
    public void Of_AscensionOnLabourDay_KeepsBothHolidays()
    {
        var firstOfMay = FrenchPublicHolidays.Of(2008).Where(holiday => holiday.Date == new DateOnly(2008, 5, 1));

        firstOfMay.Select(holiday => holiday.Kind).ShouldBe([PublicHolidayKind.LabourDay, PublicHolidayKind.AscensionDay]);
    }

    [Theory]
    [InlineData("2026-05-14", false, true)]  // Ascension
    [InlineData("2026-05-25", false, true)]  // Whit Monday
    [InlineData("2026-04-05", false, false)] // Easter Sunday is a Sunday, not a listed holiday
    [InlineData("2026-04-03", false, false)]
    [InlineData("2026-04-03", true, true)]
    [InlineData("2026-12-26", false, false)]
    [InlineData("2026-12-26", true, true)]
    [InlineData("2026-06-12", true, false)]
    public void IsPublicHoliday_ReflectsTheAlsaceMoselleOption(string date, bool includeAlsaceMoselle, bool expected) =>
        FrenchPublicHolidays.IsPublicHoliday(DateOnly.Parse(date, CultureInfo.InvariantCulture), includeAlsaceMoselle)
            .ShouldBe(expected);

    [Theory]
    [InlineData(1582)]
    [InlineData(10000)]
    public void Of_YearOutsideTheGregorianRange_Throws(int year) =>
        Should.Throw<ArgumentOutOfRangeException>(() => FrenchPublicHolidays.Of(year));

    [Fact]
    public void Of_CalledConcurrently_ComputesEachYearOnceForAllCallers()
    {
        var results = new IReadOnlyList<PublicHoliday>[400];

        Parallel.For(0, results.Length, index => results[index] = FrenchPublicHolidays.Of(3000 + (index % 4)));

        for (var index = 0; index < results.Length; index++)
        {
            results[index].ShouldBeSameAs(FrenchPublicHolidays.Of(3000 + (index % 4)));
        }
    }
}
