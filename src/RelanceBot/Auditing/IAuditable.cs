namespace RelanceBot.Auditing;

/// <summary>An entity whose every change is written to the audit log in the same transaction.</summary>
public interface IAuditable
{
    Guid Id { get; }

    /// <summary>The practice the entity belongs to, or null for entities not yet bound to one.</summary>
    Guid? AuditPracticeId { get; }
}
