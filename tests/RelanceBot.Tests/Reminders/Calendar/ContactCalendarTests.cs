using System.Globalization;
using RelanceBot.Reminders.Calendar;

namespace RelanceBot.Tests.Reminders.Calendar;

public sealed class ContactCalendarTests
{
    private static readonly ContactCalendar Paris = new(new ContactWindowPolicy());

    private static readonly ContactCalendar AlsaceMoselle = new(new ContactWindowPolicy { IncludeAlsaceMoselleHolidays = true });

    [Theory]
    [InlineData("2026-06-12T19:59:00+02:00", "2026-06-12T19:59:00+02:00")] // Friday, last minute of the evening window
    [InlineData("2026-06-12T20:00:00+02:00", "2026-06-15T10:00:00+02:00")] // Friday, window just closed
    [InlineData("2026-06-13T11:00:00+02:00", "2026-06-15T10:00:00+02:00")] // Saturday
    [InlineData("2026-06-14T19:00:00+02:00", "2026-06-15T10:00:00+02:00")] // Sunday
    [InlineData("2026-06-10T08:00:00+02:00", "2026-06-10T10:00:00+02:00")] // before the morning window
    [InlineData("2026-06-10T13:00:00+02:00", "2026-06-10T14:00:00+02:00")] // lunch break starts
    [InlineData("2026-06-10T13:30:00+02:00", "2026-06-10T14:00:00+02:00")]
    [InlineData("2026-06-10T10:00:00+02:00", "2026-06-10T10:00:00+02:00")]
    [InlineData("2026-04-04T12:00:00+02:00", "2026-04-07T10:00:00+02:00")] // Easter weekend, then Easter Monday
    [InlineData("2026-04-02T20:00:00+02:00", "2026-04-03T10:00:00+02:00")] // Good Friday is a working day outside Alsace-Moselle
    [InlineData("2026-05-13T20:00:00+02:00", "2026-05-15T10:00:00+02:00")] // Ascension Thursday
    [InlineData("2024-12-24T20:30:00+01:00", "2024-12-26T10:00:00+01:00")] // Christmas Eve evening
    [InlineData("2025-12-24T20:30:00+01:00", "2025-12-26T10:00:00+01:00")]
    public void NextAllowedInstant_InParis_MovesToTheNextOpenWindow(string notBefore, string expected) =>
        Paris.NextAllowedInstant(Instant(notBefore)).ShouldBe(Instant(expected));

    [Theory]
    [InlineData("2024-12-24T20:30:00+01:00", "2024-12-27T10:00:00+01:00")] // 26 December is a holiday there
    [InlineData("2025-12-24T20:30:00+01:00", "2025-12-29T10:00:00+01:00")] // ... and then comes the weekend
    [InlineData("2026-04-02T20:00:00+02:00", "2026-04-07T10:00:00+02:00")] // Good Friday to Easter Monday
    public void NextAllowedInstant_InAlsaceMoselle_AlsoSkipsGoodFridayAndSaintStephensDay(string notBefore, string expected) =>
        AlsaceMoselle.NextAllowedInstant(Instant(notBefore)).ShouldBe(Instant(expected));

    [Fact]
    public void NextAllowedInstant_GivenUtc_AnswersWithTheLocalOffset()
    {
        var next = Paris.NextAllowedInstant(Instant("2026-06-10T11:30:00Z"));

        next.Offset.ShouldBe(TimeSpan.FromHours(2));
        next.ShouldBe(Instant("2026-06-10T12:00:00Z"));
    }

    [Fact]
    public void NextAllowedInstant_OverTheSpringForwardWeekend_OpensMondayAtTenSummerTime()
    {
        // Clocks go from +01:00 to +02:00 on Sunday 29 March 2026.
        Paris.IsAllowed(Instant("2026-03-27T18:59:00Z")).ShouldBeTrue(); // Friday 19:59 +01:00

        var next = Paris.NextAllowedInstant(Instant("2026-03-27T19:00:00Z")); // Friday 20:00 +01:00

        next.ShouldBe(Instant("2026-03-30T08:00:00Z"));
        next.Offset.ShouldBe(TimeSpan.FromHours(2));
    }

    [Fact]
    public void NextAllowedInstant_OverTheFallBackWeekend_OpensMondayAtTenWinterTime()
    {
        // Clocks go from +02:00 to +01:00 on Sunday 25 October 2026.
        Paris.IsAllowed(Instant("2026-10-23T17:59:00Z")).ShouldBeTrue(); // Friday 19:59 +02:00

        var next = Paris.NextAllowedInstant(Instant("2026-10-23T18:00:00Z")); // Friday 20:00 +02:00

        next.ShouldBe(Instant("2026-10-26T09:00:00Z"));
        next.Offset.ShouldBe(TimeSpan.FromHours(1));
    }

    [Fact]
    public void NextAllowedInstant_InMartinique_UsesItsOwnClockAllYear()
    {
        var martinique = new ContactCalendar(new ContactWindowPolicy { TimeZoneId = "America/Martinique" });

        martinique.IsAllowed(Instant("2026-03-27T23:59:00Z")).ShouldBeTrue(); // Friday 19:59 -04:00
        var next = martinique.NextAllowedInstant(Instant("2026-03-28T00:00:00Z")); // Friday 20:00 -04:00

        next.ShouldBe(Instant("2026-03-30T14:00:00Z"));
        next.Offset.ShouldBe(TimeSpan.FromHours(-4));
        martinique.NextAllowedInstant(Instant("2026-10-24T00:00:00Z")).ShouldBe(Instant("2026-10-26T14:00:00Z"));
    }

    [Fact]
    public void NextAllowedInstant_WindowStartSkippedBySpringForward_OpensWhenTheClockJumps()
    {
        // In Cairo the clock jumps from Friday 24 April 2026 00:00 (+02:00) straight to 01:00 (+03:00).
        var cairo = CalendarIn("Africa/Cairo", new WeeklyContactWindow(DayOfWeek.Friday, new TimeOnly(0, 30), new TimeOnly(2, 0)));

        var next = cairo.NextAllowedInstant(Instant("2026-04-23T12:00:00Z"));

        next.ShouldBe(Instant("2026-04-24T01:00:00+03:00"));
        next.ShouldBe(Instant("2026-04-23T22:00:00Z"));
        cairo.IsAllowed(Instant("2026-04-23T21:59:59Z")).ShouldBeFalse();
    }

    [Fact]
    public void NextAllowedInstant_WindowEntirelySkippedBySpringForward_IsPassedOver()
    {
        var cairo = CalendarIn(
            "Africa/Cairo",
            new(DayOfWeek.Friday, new TimeOnly(0, 10), new TimeOnly(0, 50)),
            new(DayOfWeek.Friday, new TimeOnly(9, 0), new TimeOnly(10, 0)));

        cairo.NextAllowedInstant(Instant("2026-04-23T12:00:00Z")).ShouldBe(Instant("2026-04-24T09:00:00+03:00"));
    }

    [Fact]
    public void NextAllowedInstant_WindowInTheRepeatedHour_OpensAndClosesOnTheFirstReading()
    {
        // In Cairo the clock goes back from Thursday 29 October 2026 24:00 (+03:00) to 23:00 (+02:00).
        var cairo = CalendarIn("Africa/Cairo", new WeeklyContactWindow(DayOfWeek.Thursday, new TimeOnly(23, 15), new TimeOnly(23, 45)));

        var next = cairo.NextAllowedInstant(Instant("2026-10-29T12:00:00Z"));

        next.ShouldBe(Instant("2026-10-29T23:15:00+03:00"));
        next.Offset.ShouldBe(TimeSpan.FromHours(3));
        cairo.IsAllowed(Instant("2026-10-29T23:44:59+03:00")).ShouldBeTrue();
        cairo.IsAllowed(Instant("2026-10-29T23:15:00+02:00")).ShouldBeFalse(); // the second 23:15 does not reopen it
    }

    [Fact]
    public void NextAllowedInstant_SingleWeeklyWindowLostToThreeHolidaysInARow_StillFindsIt()
    {
        // 2042: Easter on 6 April puts Ascension on Thursday 15 May, after Thursdays 1 May and 8 May.
        var thursdays = CalendarIn("Europe/Paris", new WeeklyContactWindow(DayOfWeek.Thursday, new TimeOnly(10, 0), new TimeOnly(11, 0)));

        thursdays.NextAllowedInstant(Instant("2042-04-24T12:00:00+02:00")).ShouldBe(Instant("2042-05-22T10:00:00+02:00"));
    }

    [Theory]
    [InlineData("2026-06-15T10:00:00+02:00", true)]
    [InlineData("2026-06-15T09:59:59+02:00", false)]
    [InlineData("2026-06-15T12:59:59+02:00", true)]
    [InlineData("2026-06-15T13:00:00+02:00", false)]
    [InlineData("2026-06-15T19:59:59+02:00", true)]
    [InlineData("2026-06-15T20:00:00+02:00", false)]
    [InlineData("2026-06-13T11:00:00+02:00", false)] // Saturday
    [InlineData("2026-07-14T11:00:00+02:00", false)] // Bastille Day, a Tuesday
    [InlineData("2026-06-15T08:30:00Z", true)]       // 10:30 in Paris
    public void IsAllowed_InParis_IsTrueOnlyInsideAWorkingDayWindow(string instant, bool expected) =>
        Paris.IsAllowed(Instant(instant)).ShouldBe(expected);

    [Theory]
    [InlineData("2026-03-28T23:30:00Z", "2026-03-29")] // 00:30 +01:00
    [InlineData("2026-06-12T21:59:59Z", "2026-06-12")] // 23:59:59 +02:00
    [InlineData("2026-06-12T22:00:00Z", "2026-06-13")]
    public void LocalDate_UsesThePracticeCalendarDay(string instant, string expected) =>
        Paris.LocalDate(Instant(instant)).ShouldBe(Date(expected));

    [Theory]
    [InlineData("2026-03-29", "2026-03-28T23:00:00Z", 23)] // spring forward: a 23-hour day
    [InlineData("2026-10-25", "2026-10-24T22:00:00Z", 25)] // fall back: a 25-hour day
    [InlineData("2026-06-12", "2026-06-11T22:00:00Z", 24)]
    public void StartOfLocalDay_InParis_IsLocalMidnight(string date, string expectedStart, int hoursInDay)
    {
        var start = Paris.StartOfLocalDay(Date(date));

        start.ShouldBe(Instant(expectedStart));
        start.TimeOfDay.ShouldBe(TimeSpan.Zero);
        (Paris.StartOfLocalDay(Date(date).AddDays(1)) - start).ShouldBe(TimeSpan.FromHours(hoursInDay));
    }

    [Fact]
    public void StartOfLocalDay_CadenceDaysAcrossSpringForward_AreCalendarDaysNot24Hours()
    {
        var due = Instant("2026-03-27T15:00:00+01:00");

        var dPlusThree = Paris.StartOfLocalDay(Paris.LocalDate(due).AddDays(3));

        dPlusThree.ShouldBe(Instant("2026-03-30T00:00:00+02:00"));
        (dPlusThree - Paris.StartOfLocalDay(Paris.LocalDate(due))).ShouldBe(TimeSpan.FromHours(71));
    }

    [Fact]
    public void StartOfLocalDay_OfTheCalendarsFirstDay_IsTheFirstInstantThereIs()
    {
        // Midnight on 1 January of year 1 in Paris (then UTC+00:09:21) lies before the first instant in UTC.
        Paris.StartOfLocalDay(DateOnly.MinValue).ShouldBe(DateTimeOffset.MinValue);
        Paris.StartOfLocalDay(DateOnly.MaxValue).ShouldBe(Instant("9999-12-30T23:00:00Z"));
    }

    [Fact]
    public void StartOfLocalDay_MidnightSkippedBySpringForward_IsTheFirstInstantOfTheDay()
    {
        var cairo = new ContactCalendar(new ContactWindowPolicy { TimeZoneId = "Africa/Cairo" });

        var start = cairo.StartOfLocalDay(new DateOnly(2026, 4, 24));

        start.ShouldBe(Instant("2026-04-24T01:00:00+03:00"));
        cairo.LocalDate(start).ShouldBe(new DateOnly(2026, 4, 24));
        cairo.LocalDate(start.AddTicks(-1)).ShouldBe(new DateOnly(2026, 4, 23));
    }

    [Fact]
    public void Constructor_PolicyWithoutWindows_IsRejected()
    {
        var exception = Should.Throw<ArgumentException>(() => new ContactCalendar(new ContactWindowPolicy { Windows = [] }));

        exception.ParamName.ShouldBe("policy");
        exception.Message.ShouldContain("At least one contact window is required.");
    }

    [Fact]
    public void Constructor_CallerChangesTheWindowListAfterwards_KeepsThePolicyItWasGiven()
    {
        List<WeeklyContactWindow> windows = [new(DayOfWeek.Monday, new TimeOnly(10, 0), new TimeOnly(11, 0))];
        var calendar = new ContactCalendar(new ContactWindowPolicy { Windows = windows });

        windows.Add(new(DayOfWeek.Tuesday, new TimeOnly(10, 0), new TimeOnly(11, 0)));

        calendar.Policy.Windows.ShouldHaveSingleItem();
        calendar.IsAllowed(Instant("2026-06-16T10:30:00+02:00")).ShouldBeFalse();
    }

    private static ContactCalendar CalendarIn(string timeZoneId, params WeeklyContactWindow[] windows) =>
        new(new ContactWindowPolicy { TimeZoneId = timeZoneId, Windows = windows });

    private static DateTimeOffset Instant(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    private static DateOnly Date(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);
}
