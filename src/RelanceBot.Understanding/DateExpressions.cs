using System.Collections.Frozen;
using System.Globalization;

namespace RelanceBot.Understanding;

/// <summary>
/// Resolves the first date a patient names, relative to the practice's today: "demain", "le 5", "le 5 decembre",
/// "05/12", "fin du mois", "debut du mois prochain", "dans 2 semaines", "lundi prochain", "next friday", "on the 15th".
/// Dates are always resolved forwards: a reply to a reminder promises, it does not look back.
/// </summary>
internal static class DateExpressions
{
    private static readonly FrozenDictionary<string, int> Months = new Dictionary<string, int>
    {
        ["janvier"] = 1, ["fevrier"] = 2, ["mars"] = 3, ["avril"] = 4, ["mai"] = 5, ["juin"] = 6, ["juillet"] = 7,
        ["aout"] = 8, ["septembre"] = 9, ["octobre"] = 10, ["novembre"] = 11, ["decembre"] = 12,
        ["january"] = 1, ["february"] = 2, ["march"] = 3, ["april"] = 4, ["may"] = 5, ["june"] = 6, ["july"] = 7,
        ["august"] = 8, ["september"] = 9, ["october"] = 10, ["november"] = 11, ["december"] = 12,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, DayOfWeek> Weekdays = new Dictionary<string, DayOfWeek>
    {
        ["lundi"] = DayOfWeek.Monday, ["mardi"] = DayOfWeek.Tuesday, ["mercredi"] = DayOfWeek.Wednesday,
        ["jeudi"] = DayOfWeek.Thursday, ["vendredi"] = DayOfWeek.Friday, ["samedi"] = DayOfWeek.Saturday,
        ["dimanche"] = DayOfWeek.Sunday,
        ["monday"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["friday"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static DateOnly? Resolve(IReadOnlyList<Token> tokens, DateOnly today)
    {
        var words = new Words(tokens);
        for (var i = 0; i < tokens.Count; i++)
        {
            var date = Relative(words, i, today)
                ?? Period(words, i, today)
                ?? Weekday(words, i, today)
                ?? Calendar(words, i, today);
            if (date is not null)
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>"demain", "apres demain", "aujourd hui", "dans 10 jours", "in two weeks".</summary>
    private static DateOnly? Relative(Words words, int i, DateOnly today) => words[i] switch
    {
        "apres" when words[i + 1] == "demain" => today.AddDays(2),
        "day" when words[i + 1] == "after" && words[i + 2] == "tomorrow" => today.AddDays(2),
        "demain" or "tomorrow" => today.AddDays(1),
        "aujourd" or "today" or "tonight" => today,
        "dans" or "in" or "sous" when NumberWords.TryParse(words[i + 1], out var amount) => words[i + 2] switch
        {
            "jour" or "jours" or "day" or "days" => today.AddDays(amount),
            "semaine" or "semaines" or "week" or "weeks" => today.AddDays(7 * amount),
            "mois" or "month" or "months" => today.AddMonths(amount),
            _ => null,
        },
        _ => null,
    };

    /// <summary>"fin du mois", "debut du mois prochain", "la semaine prochaine", "a la fin de l annee", "next month".</summary>
    private static DateOnly? Period(Words words, int i, DateOnly today)
    {
        var firstOfNextMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        switch (words[i])
        {
            case "fin" or "end":
                var target = words.FirstWithin(i + 1, 4, "mois", "month", "annee", "an", "year");
                return target switch
                {
                    < 0 => null,
                    _ when words[target] is "annee" or "an" or "year" => new DateOnly(today.Year, 12, 31),
                    _ when words.IsNext(target) => firstOfNextMonth.AddMonths(1).AddDays(-1),
                    _ => firstOfNextMonth.AddDays(-1),
                };
            case "debut" or "beginning" or "start":
                return words.FirstWithin(i + 1, 4, "mois", "month") >= 0 ? firstOfNextMonth : null;
            case "mois" or "month" when words.IsNext(i):
                return firstOfNextMonth;
            case "semaine" or "week" when words.IsNext(i):
                return Following(today, DayOfWeek.Monday);
            default:
                return null;
        }
    }

    /// <summary>"lundi", "lundi prochain", "next friday": the first such day after today.</summary>
    private static DateOnly? Weekday(Words words, int i, DateOnly today) =>
        Weekdays.TryGetValue(words[i], out var day) && words[i + 1] is not ("dernier" or "passe") && words[i - 1] != "last"
            ? Following(today, day)
            : null;

    /// <summary>"05/12", "le 5", "le 5 decembre", "december 5th", "on the 15th".</summary>
    private static DateOnly? Calendar(Words words, int i, DateOnly today)
    {
        if (words[i].Contains('/', StringComparison.Ordinal) || words[i].Contains('.', StringComparison.Ordinal))
        {
            return Numeric(words[i], today);
        }

        if (NumberWords.TryParseDay(words[i], out var day) && Months.TryGetValue(words[i + 1], out var month))
        {
            return DayOfMonthFrom(today, month, day);
        }

        if (Months.TryGetValue(words[i], out month) && NumberWords.TryParseDay(words[i + 1], out day))
        {
            return DayOfMonthFrom(today, month, day);
        }

        // A bare number is a day only after an article: "le 5" is a date, "au 06 12 34" and "30 euros" are not.
        var isDayReference = words[i] is "le" or "au" or "du" or "the" or "on"
            && NumberWords.TryParseDay(words[i + 1], out day)
            && !NumberWords.TryParse(words[i + 2], out _)
            && !Months.ContainsKey(words[i + 2])
            && words[i + 2] is not ("euros" or "euro" or "eur" or "fois" or "x" or "h" or "heures" or "pourcent");
        return isDayReference ? NextDayOfMonth(today, day) : null;
    }

    private static DateOnly? Numeric(string word, DateOnly today)
    {
        var parts = word.Split('/', '.');
        if (parts.Length is < 2 or > 3
            || !NumberWords.TryParseDay(parts[0], out var day)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var month))
        {
            return null;
        }

        if (parts.Length == 2)
        {
            return DayOfMonthFrom(today, month, day);
        }

        if (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return null;
        }

        year = year < 100 ? 2000 + year : year;
        return IsValid(year, month, day) ? new DateOnly(year, month, day) : null;
    }

    private static DateOnly? DayOfMonthFrom(DateOnly today, int month, int day)
    {
        for (var year = today.Year; year <= today.Year + 1; year++)
        {
            if (IsValid(year, month, day) && new DateOnly(year, month, day) >= today)
            {
                return new DateOnly(year, month, day);
            }
        }

        return null;
    }

    private static DateOnly NextDayOfMonth(DateOnly today, int day)
    {
        var month = new DateOnly(today.Year, today.Month, 1);
        while (day > DateTime.DaysInMonth(month.Year, month.Month) || new DateOnly(month.Year, month.Month, day) < today)
        {
            month = month.AddMonths(1);
        }

        return new DateOnly(month.Year, month.Month, day);
    }

    private static DateOnly Following(DateOnly today, DayOfWeek day)
    {
        var days = ((int)day - (int)today.DayOfWeek + 7) % 7;
        return today.AddDays(days == 0 ? 7 : days);
    }

    private static bool IsValid(int year, int month, int day) =>
        month is >= 1 and <= 12 && year is >= 1 and <= 9999 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    /// <summary>Token texts with "" past either end, so patterns can look around without bounds checks.</summary>
    private readonly struct Words(IReadOnlyList<Token> tokens)
    {
        public string this[int index] => index >= 0 && index < tokens.Count ? tokens[index].Text : "";

        /// <summary>"mois prochain", "next month".</summary>
        public bool IsNext(int index) => this[index + 1] is "prochain" or "prochaine" || this[index - 1] == "next";

        public int FirstWithin(int from, int count, params string[] targets)
        {
            for (var i = from; i < from + count; i++)
            {
                if (targets.Contains(this[i]))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
