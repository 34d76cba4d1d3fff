using RelanceBot.Reminders.Calendar;

namespace RelanceBot.Tests.Reminders.Calendar;

public sealed class ContactWindowPolicyTests
{
    private static readonly TimeOnly Ten = new(10, 0);
    private static readonly TimeOnly Noon = new(12, 0);
    private static readonly TimeOnly One = new(13, 0);

    [Fact]
    public void Default_FollowsTheFrenchCanvassingHoursInParis()
    {
        var policy = new ContactWindowPolicy();

        policy.GetValidationErrors().ShouldBeEmpty();
        policy.TimeZoneId.ShouldBe("Europe/Paris");
        policy.IncludeAlsaceMoselleHolidays.ShouldBeFalse();
        policy.Windows.Count.ShouldBe(10);
        policy.Windows.Select(window => window.Day).Distinct().ShouldBe(
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]);
        policy.Windows.Where(window => window.Day == DayOfWeek.Wednesday).ShouldBe(
        [
            new(DayOfWeek.Wednesday, Ten, One),
            new(DayOfWeek.Wednesday, new TimeOnly(14, 0), new TimeOnly(20, 0)),
        ]);
    }

    [Fact]
    public void GetValidationErrors_StartNotBeforeEnd_NamesTheWindow()
    {
        var policy = new ContactWindowPolicy { Windows = [new(DayOfWeek.Monday, One, One)] };

        policy.GetValidationErrors().ShouldBe(["Window Monday 13:00-13:00: the start must be before the end."]);
    }

    [Fact]
    public void GetValidationErrors_OverlappingWindows_NamesBoth()
    {
        var policy = new ContactWindowPolicy
        {
            Windows = [new(DayOfWeek.Tuesday, Noon, One), new(DayOfWeek.Tuesday, Ten, Noon.AddMinutes(1))],
        };

        policy.GetValidationErrors().ShouldBe(["Windows Tuesday 10:00-12:01 and Tuesday 12:00-13:00 overlap."]);
    }

    [Fact]
    public void GetValidationErrors_AdjacentWindowsOrSameHoursOnOtherDays_AreValid()
    {
        var policy = new ContactWindowPolicy
        {
            Windows = [new(DayOfWeek.Monday, Ten, Noon), new(DayOfWeek.Monday, Noon, One), new(DayOfWeek.Friday, Ten, One)],
        };

        policy.GetValidationErrors().ShouldBeEmpty();
    }

    [Fact]
    public void GetValidationErrors_WeekendWindow_IsRefused()
    {
        var policy = new ContactWindowPolicy { Windows = [new(DayOfWeek.Saturday, Ten, Noon)] };

        policy.GetValidationErrors().ShouldBe(["Window Saturday 10:00-12:00: contacts are only allowed Monday to Friday."]);
    }

    [Fact]
    public void GetValidationErrors_NoWindows_IsRefused()
    {
        var policy = new ContactWindowPolicy { Windows = [] };

        policy.GetValidationErrors().ShouldBe(["At least one contact window is required."]);
    }

    [Theory]
    [InlineData("Europe/Atlantis")]
    [InlineData("")]
    public void GetValidationErrors_UnknownTimeZone_IsRefused(string timeZoneId)
    {
        var policy = new ContactWindowPolicy { TimeZoneId = timeZoneId };

        policy.GetValidationErrors().ShouldHaveSingleItem().ShouldStartWith($"Unknown time zone '{timeZoneId}'");
    }

    [Fact]
    public void Equals_SameWindowsInAnotherList_IsEqual()
    {
        var copy = new ContactWindowPolicy { Windows = [.. ContactWindowPolicy.FrenchCanvassingWindows] };

        copy.ShouldBe(new ContactWindowPolicy());
        copy.GetHashCode().ShouldBe(new ContactWindowPolicy().GetHashCode());
        copy.ShouldNotBe(copy with { IncludeAlsaceMoselleHolidays = true });
        copy.ShouldNotBe(copy with { Windows = [new(DayOfWeek.Monday, Ten, Noon)] });
    }
}
