using System.Collections.ObjectModel;

namespace RelanceBot.Reminders.Calendar;

/// <summary>
/// When a practice may contact its patients: weekly windows in the practice's IANA time zone, never at weekends
/// nor on French public holidays. The defaults are the French telephone-canvassing hours (Code de la consommation,
/// art. D223-8): Monday to Friday, 10:00–13:00 and 14:00–20:00.
/// </summary>
/// <remarks>
/// The record may come from configuration, so it is checked by <see cref="GetValidationErrors"/> rather than in a
/// constructor; <see cref="ContactCalendar"/> refuses an invalid policy.
/// </remarks>
public sealed record ContactWindowPolicy
{
    public const string DefaultTimeZoneId = "Europe/Paris";

    // Declared before the windows built from it: static initialisers run in textual order.
    private static ReadOnlyCollection<DayOfWeek> Weekdays { get; } = Array.AsReadOnly(
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]);

    public static ReadOnlyCollection<WeeklyContactWindow> FrenchCanvassingWindows { get; } = Array.AsReadOnly(
    [
        .. Weekdays.SelectMany(day => new WeeklyContactWindow[]
        {
            new(day, new TimeOnly(10, 0), new TimeOnly(13, 0)),
            new(day, new TimeOnly(14, 0), new TimeOnly(20, 0)),
        }),
    ]);

    public IReadOnlyList<WeeklyContactWindow> Windows { get; init; } = FrenchCanvassingWindows;

    /// <summary>Also skip Good Friday and 26 December, as practices in Bas-Rhin, Haut-Rhin and Moselle must.</summary>
    public bool IncludeAlsaceMoselleHolidays { get; init; }

    /// <summary>IANA id of the practice's time zone, e.g. <c>Europe/Paris</c> or <c>America/Martinique</c>.</summary>
    public string TimeZoneId { get; init; } = DefaultTimeZoneId;

    /// <summary>Every problem with this policy, in plain words; empty when it is valid.</summary>
    public IReadOnlyList<string> GetValidationErrors()
    {
        List<string> errors = [];

        if (string.IsNullOrWhiteSpace(TimeZoneId) || !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out _))
        {
            errors.Add($"Unknown time zone '{TimeZoneId}': use an IANA id such as '{DefaultTimeZoneId}'.");
        }

        if (Windows is null || Windows.Count == 0)
        {
            errors.Add("At least one contact window is required.");
            return errors;
        }

        foreach (var window in Windows)
        {
            if (!Weekdays.Contains(window.Day))
            {
                errors.Add($"Window {window}: contacts are only allowed Monday to Friday.");
            }

            if (window.Start >= window.End)
            {
                errors.Add($"Window {window}: the start must be before the end.");
            }
        }

        foreach (var sameDay in Windows.GroupBy(window => window.Day))
        {
            var ordered = sameDay.OrderBy(window => window.Start).ToList();
            for (var index = 1; index < ordered.Count; index++)
            {
                if (ordered[index].Start < ordered[index - 1].End)
                {
                    errors.Add($"Windows {ordered[index - 1]} and {ordered[index]} overlap.");
                }
            }
        }

        return errors;
    }

    public bool Equals(ContactWindowPolicy? other) =>
        other is not null
        && IncludeAlsaceMoselleHolidays == other.IncludeAlsaceMoselleHolidays
        && string.Equals(TimeZoneId, other.TimeZoneId, StringComparison.Ordinal)
        && (ReferenceEquals(Windows, other.Windows) || (Windows is not null && other.Windows is not null && Windows.SequenceEqual(other.Windows)));

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(IncludeAlsaceMoselleHolidays);
        hash.Add(TimeZoneId, StringComparer.Ordinal);
        foreach (var window in Windows ?? [])
        {
            hash.Add(window);
        }

        return hash.ToHashCode();
    }
}
