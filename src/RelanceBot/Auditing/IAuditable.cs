namespace RelanceBot.Auditing;

/// <summary>An entity whose every change is written to the audit log in the same transaction.</summary>
public interface IAuditable
{
    Guid Id { get; }

    /// <summary>The practice the entity belongs to, or null for entities not yet bound to one.</summary>
    Guid? AuditPracticeId { get; }

    /// <summary>False while the entity holds nothing of a practice's or a patient's data, only the bot's bookkeeping.</summary>
    bool IsAudited => true;
}
