using RelanceBot.Plans;
using RelanceBot.Reminders;

namespace RelanceBot.Collection;

/// <summary>The mise en demeure's last day to pay: the practice's day it was delivered plus the cadence's deadline days.</summary>
public static class FormalNoticeDeadline
{
    public static DateOnly LastDayToPay(CadencePolicy policy, string timeZoneId, DateTimeOffset deliveredAt)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return PracticeTime.Today(timeZoneId, deliveredAt).AddDays(policy.FormalNoticeDeadlineDays);
    }
}
