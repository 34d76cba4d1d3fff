using System.Diagnostics.CodeAnalysis;

namespace RelanceBot.Intake;

/// <summary>
/// A practice's reference taken from the URL. French invoice numbers often contain slashes (<c>F/2026/001</c>); clients
/// send them percent-encoded, and routing leaves <c>%2F</c> encoded, so it is decoded here.
/// </summary>
public sealed record ReferenceRouteValue(string Value)
{
    public static bool TryParse(string? text, [NotNullWhen(true)] out ReferenceRouteValue? reference)
    {
        reference = text is null ? null : new ReferenceRouteValue(text.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase));
        return reference is not null;
    }

    public override string ToString() => Value;
}
