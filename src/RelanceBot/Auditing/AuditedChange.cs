namespace RelanceBot.Auditing;

/// <summary>One property's old and new values in an audit entry's JSON.</summary>
internal sealed record AuditedChange(object? Old, object? New);
