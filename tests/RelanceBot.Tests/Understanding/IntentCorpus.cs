using System.Globalization;
using RelanceBot.Understanding;

namespace RelanceBot.Tests.Understanding;

/// <summary>
/// Loads the labelled corpus: tab-separated text, intent, optional installment count, optional date
/// (ISO "2026-12-05" or relative "+14d"). Lines starting with '#' are comments; the first line is a header.
/// </summary>
public static class IntentCorpus
{
    /// <summary>The fixed "today" every corpus date is written against (a Monday).</summary>
    public static readonly DateOnly Today = new(2026, 11, 23);

    public const string MainFile = "intent-corpus.tsv";
    public const string HoldoutFile = "intent-corpus.holdout.tsv";

    public static IReadOnlyList<CorpusUtterance> LoadAll() => [.. Load(MainFile), .. Load(HoldoutFile)];

    public static IEnumerable<CorpusUtterance> Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Understanding", fileName);
        return File.ReadLines(path)
            .Skip(1)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(Parse)
            .ToList();
    }

    private static CorpusUtterance Parse(string line)
    {
        var columns = line.Split('\t');
        string Column(int index) => index < columns.Length ? columns[index].Trim() : "";

        var count = Column(2);
        return new CorpusUtterance(
            columns[0],
            Enum.Parse<Intent>(Column(1)),
            count.Length == 0 ? null : int.Parse(count, CultureInfo.InvariantCulture),
            ParseDate(Column(3)));
    }

    private static DateOnly? ParseDate(string value) => value switch
    {
        "" => null,
        ['+', .. var days, 'd'] => Today.AddDays(int.Parse(days, CultureInfo.InvariantCulture)),
        _ => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}
