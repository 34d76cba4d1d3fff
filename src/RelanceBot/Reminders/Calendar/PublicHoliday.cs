namespace RelanceBot.Reminders.Calendar;

/// <summary>A French public holiday on a given date.</summary>
public readonly record struct PublicHoliday(DateOnly Date, PublicHolidayKind Kind);
