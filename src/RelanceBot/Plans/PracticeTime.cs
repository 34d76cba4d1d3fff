namespace RelanceBot.Plans;

/// <summary>Calendar days as the practice sees them: an installment is due on the practice's date, not UTC's.</summary>
public static class PracticeTime
{
    public static DateOnly Today(string timeZoneId, DateTimeOffset now) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId)).DateTime);

    /// <summary>The instant the practice's <paramref name="day"/> begins.</summary>
    public static DateTimeOffset StartOf(DateOnly day, string timeZoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
