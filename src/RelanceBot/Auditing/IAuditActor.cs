namespace RelanceBot.Auditing;

/// <summary>Who is making changes in the current scope (request, command or job).</summary>
public interface IAuditActor
{
    string Name { get; }
}
