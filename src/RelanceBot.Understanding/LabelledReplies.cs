namespace RelanceBot.Understanding;

/// <summary>
/// Reads labelled replies from tab-separated lines <c>intent, other intents (comma-separated or "-"), language, text</c>;
/// lines starting with <c>#</c> are comments.
/// </summary>
public static class LabelledReplies
{
    public static IReadOnlyList<LabelledReply> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var replies = new List<LabelledReply>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != 4)
            {
                throw new FormatException($"Line {lineNumber}: expected 4 tab-separated fields, found {fields.Length}.");
            }

            var alsoMeant = fields[1] == "-" ? [] : fields[1].Split(',').Select(name => ParseIntent(name, lineNumber)).ToArray();
            replies.Add(new LabelledReply(fields[3], ParseIntent(fields[0], lineNumber), alsoMeant, fields[2]));
        }

        return replies;
    }

    public static IReadOnlyList<LabelledReply> ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader);
    }

    private static Intent ParseIntent(string name, int lineNumber) =>
        Enum.TryParse<Intent>(name.Trim(), ignoreCase: false, out var intent) && Enum.IsDefined(intent)
            ? intent
            : throw new FormatException($"Line {lineNumber}: unknown intent '{name}'.");
}
