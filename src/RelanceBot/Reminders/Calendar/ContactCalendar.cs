using System.Collections.Concurrent;

namespace RelanceBot.Reminders.Calendar;

/// <summary>
/// Tells when a practice may contact a patient under its <see cref="ContactWindowPolicy"/>, on the practice's own
/// wall clock. Immutable and thread-safe: build one per policy and share it.
/// </summary>
/// <remarks>
/// A window runs from the first instant the local clock reads its start to the first instant it reads its end.
/// Across a daylight-saving change this means a start the clock skips opens the moment the clock springs forward,
/// and a start the clock reads twice opens the first time.
/// </remarks>
public sealed class ContactCalendar
{
    // With at least one weekday window, at most three weeks in a row can lose it to holidays (Thursdays 1, 8 and
    // 15 May when Ascension falls on 15 May), so five weeks always reach an open window.
    private const int SearchHorizonDays = 35;

    // No clock on Earth is further than this from UTC, which bounds where a skipped local time can be.
    private static readonly TimeSpan MaxUtcOffset = TimeSpan.FromHours(14);

    private readonly TimeZoneInfo _zone;

    // Indexed by DayOfWeek, each sorted by start.
    private readonly WeeklyContactWindow[][] _windowsByDay;

    // The planner asks for the same few dates (due date + each step's offset) for thousands of invoices in a sweep,
    // and each answer costs several time-zone rule lookups.
    private readonly ConcurrentDictionary<DateOnly, DateTimeOffset> _startsOfDay = new();

    /// <exception cref="ArgumentException">The policy is invalid (see <see cref="ContactWindowPolicy.GetValidationErrors"/>).</exception>
    public ContactCalendar(ContactWindowPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var errors = policy.GetValidationErrors();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"Invalid contact window policy: {string.Join(" ", errors)}", nameof(policy));
        }

        // A snapshot, so a list the caller changes later cannot make Policy disagree with the answers.
        Policy = policy with { Windows = Array.AsReadOnly([.. policy.Windows]) };
        _zone = TimeZoneInfo.FindSystemTimeZoneById(Policy.TimeZoneId);
        _windowsByDay =
        [
            .. Enum.GetValues<DayOfWeek>().Select(day =>
                Policy.Windows.Where(window => window.Day == day).OrderBy(window => window.Start).ToArray()),
        ];
    }

    public ContactWindowPolicy Policy { get; }

    public TimeZoneInfo TimeZone => _zone;

    /// <summary>
    /// The earliest instant at or after <paramref name="notBefore"/> inside a contact window, expressed with the
    /// practice's UTC offset at that instant.
    /// </summary>
    public DateTimeOffset NextAllowedInstant(DateTimeOffset notBefore)
    {
        // Windows of earlier local dates all close before notBefore, so the search starts on its local date.
        var firstDate = LocalDate(notBefore);
        for (var day = 0; day <= SearchHorizonDays; day++)
        {
            var date = firstDate.AddDays(day);
            if (FrenchPublicHolidays.IsPublicHoliday(date, Policy.IncludeAlsaceMoselleHolidays))
            {
                continue;
            }

            foreach (var window in _windowsByDay[(int)date.DayOfWeek])
            {
                var opens = FirstInstantReading(date.ToDateTime(window.Start));
                var closes = FirstInstantReading(date.ToDateTime(window.End));
                var candidate = opens > notBefore ? opens : notBefore;
                if (candidate < closes)
                {
                    return ToLocal(candidate);
                }
            }
        }

        // Unreachable for a valid policy (see SearchHorizonDays); kept so a bug cannot loop forever.
        throw new InvalidOperationException(
            $"No contact window within {SearchHorizonDays} days of {notBefore:O} for time zone '{Policy.TimeZoneId}'.");
    }

    /// <summary>Whether <paramref name="instant"/> is inside a contact window.</summary>
    // Defined through NextAllowedInstant so the two can never disagree.
    public bool IsAllowed(DateTimeOffset instant) => NextAllowedInstant(instant) == instant;

    /// <summary>The calendar date of <paramref name="instant"/> in the practice's time zone.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>
    /// The first instant of <paramref name="date"/> in the practice's time zone. Cadence offsets ("D+N") are local
    /// calendar days, so <c>StartOfLocalDay(LocalDate(due).AddDays(n))</c> is right across a 23 or 25 hour day.
    /// </summary>
    public DateTimeOffset StartOfLocalDay(DateOnly date) =>
        _startsOfDay.GetOrAdd(date, static (day, calendar) => calendar.FirstInstantOf(day), this);

    private DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone);

    private DateTimeOffset FirstInstantOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        // Ahead of UTC, midnight on the calendar's first day comes before the first instant there is (a date from a
        // bad import must not throw).
        return day == DateOnly.MinValue && _zone.GetUtcOffset(midnight) > TimeSpan.Zero
            ? DateTimeOffset.MinValue
            : ToLocal(FirstInstantReading(midnight));
    }

    /// <summary>The first instant the practice's clock reads <paramref name="wallClock"/> or later.</summary>
    private DateTimeOffset FirstInstantReading(DateTime wallClock)
    {
        if (_zone.IsAmbiguousTime(wallClock))
        {
            // The larger offset belongs to the earlier of the two instants.
            return new DateTimeOffset(wallClock, _zone.GetAmbiguousTimeOffsets(wallClock).Max());
        }

        return _zone.IsInvalidTime(wallClock)
            ? EndOfGap(wallClock)
            : new DateTimeOffset(wallClock, _zone.GetUtcOffset(wallClock));
    }

    /// <summary>
    /// The instant the clock jumps over <paramref name="skipped"/>, found by bisection: 14 hours before the same
    /// reading in UTC the clock still reads earlier, 14 hours after it already reads later.
    /// </summary>
    private DateTimeOffset EndOfGap(DateTime skipped)
    {
        var sameReadingInUtc = new DateTimeOffset(skipped.Ticks, TimeSpan.Zero);
        var readsEarlier = (sameReadingInUtc - MaxUtcOffset).UtcTicks;
        var readsLater = (sameReadingInUtc + MaxUtcOffset).UtcTicks;
        while (readsLater - readsEarlier > 1)
        {
            var middle = readsEarlier + ((readsLater - readsEarlier) / 2);
            if (ToLocal(new DateTimeOffset(middle, TimeSpan.Zero)).DateTime < skipped)
            {
                readsEarlier = middle;
            }
            else
            {
                readsLater = middle;
            }
        }

        return new DateTimeOffset(readsLater, TimeSpan.Zero);
    }
}
