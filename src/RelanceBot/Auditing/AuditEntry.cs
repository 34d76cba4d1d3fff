namespace RelanceBot.Auditing;

/// <summary>One state change of an auditable entity. Append-only: updates and deletes are refused.</summary>
public sealed class AuditEntry
{
    public long Id { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The practice the changed entity belongs to, when it belongs to one.</summary>
    public Guid? PracticeId { get; private set; }

    public string EntityType { get; private set; } = "";

    public string EntityId { get; private set; } = "";

    public AuditAction Action { get; private set; }

    /// <summary>Who made the change, e.g. <c>api-key:rbk1a2b3</c>, <c>csv-import</c>, <c>bot</c>.</summary>
    public string Actor { get; private set; } = "";

    /// <summary>JSON object: property name to <c>{ "old": ..., "new": ... }</c>; secrets and hashes are left out.</summary>
    public string Changes { get; private set; } = "{}";

    private AuditEntry()
    {
    }

    public static AuditEntry Record(
        DateTimeOffset occurredAt,
        Guid? practiceId,
        string entityType,
        string entityId,
        AuditAction action,
        string actor,
        string changes) => new()
        {
            OccurredAt = occurredAt,
            PracticeId = practiceId,
            EntityType = entityType,
            EntityId = entityId,
            Action = action,
            Actor = actor,
            Changes = changes,
        };
}
