using System.Collections.Concurrent;
using System.Collections.ObjectModel;

namespace RelanceBot.Reminders.Calendar;

/// <summary>
/// The French public holidays (Code du travail, art. L3133-1) of any Gregorian year, with the two extra days of
/// Alsace-Moselle (art. L3134-13) as an option. Today's list is applied to every year: this is a scheduling aid,
/// not a history of French law.
/// </summary>
public static class FrenchPublicHolidays
{
    /// <summary>The first year of the Gregorian calendar, where the computus starts to hold.</summary>
    public const int FirstSupportedYear = 1583;

    public const int LastSupportedYear = 9999;

    // Each year is computed once; racing threads may compute the same year twice, which is harmless.
    private static readonly ConcurrentDictionary<int, HolidayYear> Cache = new();

    /// <summary>Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1583–9999.</exception>
    public static DateOnly EasterSunday(int year)
    {
        EnsureSupported(year);

        // Letters as in the published algorithm, so each line can be checked against it.
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var monthAndDay = h + l - (7 * m) + 114;

        return new DateOnly(year, monthAndDay / 31, (monthAndDay % 31) + 1);
    }

    /// <summary>The public holidays of <paramref name="year"/>, in date order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1583–9999.</exception>
    public static IReadOnlyList<PublicHoliday> Of(int year, bool includeAlsaceMoselle = false)
    {
        var holidays = Cache.GetOrAdd(year, static y => HolidayYear.Compute(y));
        return includeAlsaceMoselle ? holidays.AlsaceMoselle : holidays.National;
    }

    public static bool IsPublicHoliday(DateOnly date, bool includeAlsaceMoselle = false)
    {
        foreach (var holiday in Of(date.Year, includeAlsaceMoselle))
        {
            if (holiday.Date == date)
            {
                return true;
            }
        }

        return false;
    }

    private static void EnsureSupported(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstSupportedYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, LastSupportedYear);
    }

    private sealed record HolidayYear(ReadOnlyCollection<PublicHoliday> National, ReadOnlyCollection<PublicHoliday> AlsaceMoselle)
    {
        public static HolidayYear Compute(int year)
        {
            var easter = EasterSunday(year);
            PublicHoliday[] national =
            [
                new(new DateOnly(year, 1, 1), PublicHolidayKind.NewYearsDay),
                new(easter.AddDays(1), PublicHolidayKind.EasterMonday),
                new(new DateOnly(year, 5, 1), PublicHolidayKind.LabourDay),
                new(new DateOnly(year, 5, 8), PublicHolidayKind.VictoryInEuropeDay),
                new(easter.AddDays(39), PublicHolidayKind.AscensionDay),
                new(easter.AddDays(50), PublicHolidayKind.WhitMonday),
                new(new DateOnly(year, 7, 14), PublicHolidayKind.BastilleDay),
                new(new DateOnly(year, 8, 15), PublicHolidayKind.AssumptionDay),
                new(new DateOnly(year, 11, 1), PublicHolidayKind.AllSaintsDay),
                new(new DateOnly(year, 11, 11), PublicHolidayKind.ArmisticeDay),
                new(new DateOnly(year, 12, 25), PublicHolidayKind.ChristmasDay),
            ];
            PublicHoliday[] alsaceMoselle =
            [
                .. national,
                new(easter.AddDays(-2), PublicHolidayKind.GoodFriday),
                new(new DateOnly(year, 12, 26), PublicHolidayKind.SaintStephensDay),
            ];

            // Ascension can fall on 1 May or 8 May: the list keeps both entries, one per holiday.
            return new HolidayYear(InDateOrder(national), InDateOrder(alsaceMoselle));
        }

        private static ReadOnlyCollection<PublicHoliday> InDateOrder(PublicHoliday[] holidays) =>
            Array.AsReadOnly([.. holidays.OrderBy(holiday => holiday.Date).ThenBy(holiday => holiday.Kind)]);
    }
}
