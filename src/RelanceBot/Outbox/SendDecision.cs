namespace RelanceBot.Outbox;

/// <summary>A send guard's answer just before sending: go ahead, or skip with the reason recorded.</summary>
public sealed record SendDecision
{
    private SendDecision(string? skipReason) => SkipReason = skipReason;

    public static SendDecision Allow { get; } = new((string?)null);

    public string? SkipReason { get; }

    public bool IsAllowed => SkipReason is null;

    public static SendDecision Skip(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(reason);
    }
}
