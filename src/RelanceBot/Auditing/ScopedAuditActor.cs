namespace RelanceBot.Auditing;

/// <summary>The scope's actor, set once by whatever opened the scope (API key authentication, CSV import, bot).</summary>
public sealed class ScopedAuditActor : IAuditActor
{
    public const string System = "system";

    // A job opens scopes of its own (the sweep's batches, the dispatcher's lanes): they are the job's too.
    private static readonly AsyncLocal<string?> FlowActor = new();

    public string Name { get; private set; } = FlowActor.Value ?? System;

    public void Use(string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        Name = actor;
    }

    /// <summary>
    /// Makes <paramref name="actor"/> the actor of every scope opened from here on by the calling asynchronous flow
    /// (not its caller's), unless a scope sets its own.
    /// </summary>
    public static void UseForFlow(string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        FlowActor.Value = actor;
    }
}
