namespace RelanceBot.Reminders.Calendar;

/// <summary>Which French public holiday (jour férié) a date is.</summary>
public enum PublicHolidayKind
{
    NewYearsDay,
    /// <summary>Vendredi saint: Alsace-Moselle only.</summary>
    GoodFriday,
    EasterMonday,
    LabourDay,
    VictoryInEuropeDay,
    AscensionDay,
    WhitMonday,
    BastilleDay,
    AssumptionDay,
    AllSaintsDay,
    ArmisticeDay,
    ChristmasDay,
    /// <summary>Saint-Étienne, 26 December: Alsace-Moselle only.</summary>
    SaintStephensDay,
}
