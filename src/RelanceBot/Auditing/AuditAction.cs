namespace RelanceBot.Auditing;

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
}
