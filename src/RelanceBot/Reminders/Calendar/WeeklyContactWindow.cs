using System.Globalization;

namespace RelanceBot.Reminders.Calendar;

/// <summary>
/// A stretch of local wall-clock time, every week on <paramref name="Day"/>, when patients may be contacted:
/// from <paramref name="Start"/> (inclusive) to <paramref name="End"/> (exclusive).
/// </summary>
public readonly record struct WeeklyContactWindow(DayOfWeek Day, TimeOnly Start, TimeOnly End)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Day} {Start:HH\\:mm}-{End:HH\\:mm}");
}
