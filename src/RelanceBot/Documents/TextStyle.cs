namespace RelanceBot.Documents;

public enum TextAlign
{
    Left,
    Right,
}

/// <summary>How a paragraph is set: size in points, weight, left indent in points (e.g. an address in an envelope window).</summary>
public sealed record TextStyle(double Size = 10, bool Bold = false, double Indent = 0, TextAlign Align = TextAlign.Left)
{
    public static readonly TextStyle Body = new();
    public static readonly TextStyle Strong = new(Bold: true);
    public static readonly TextStyle Small = new(Size: 8);
    public static readonly TextStyle Heading = new(Size: 13, Bold: true);
}

/// <summary>A table column: its header, its share of the text width, and how its cells align (amounts to the right).</summary>
public sealed record TableColumn(string Header, double Weight = 1, TextAlign Align = TextAlign.Left);
