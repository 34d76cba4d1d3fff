namespace RelanceBot.Auditing;

/// <summary>The scope's actor, set once by whatever opened the scope (API key authentication, CSV import, bot).</summary>
public sealed class ScopedAuditActor : IAuditActor
{
    public const string System = "system";

    public string Name { get; private set; } = System;

    public void Use(string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        Name = actor;
    }
}
