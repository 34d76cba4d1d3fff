using System.Globalization;

namespace RelanceBot.Conversations.Flows;

/// <summary>Reads a date of birth as patients type it: 03/02/1980, 3-2-1980, 3.2.80, 1980-02-03, 3 février 1980.</summary>
public static class BirthDates
{
    private static readonly string[] NumericFormats =
        ["d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "d M yyyy", "yyyy-M-d", "d/M/yy", "d.M.yy", "ddMMyyyy"];

    private static readonly CultureInfo[] Cultures = [CultureInfo.GetCultureInfo("fr-FR"), CultureInfo.GetCultureInfo("en-GB")];

    public static DateOnly? Parse(string text, DateOnly today)
    {
        var trimmed = string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.', ' ');
        foreach (var culture in Cultures)
        {
            if (DateOnly.TryParseExact(trimmed, NumericFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                || DateOnly.TryParseExact(trimmed, ["d MMMM yyyy", "d MMM yyyy", "MMMM d yyyy"], culture, DateTimeStyles.None, out date))
            {
                // "03/02/30" is 1930 for a birth date, never 2030.
                return date > today ? date.AddYears(-100) : date;
            }
        }

        return null;
    }
}
