namespace RelanceBot.Auditing;

/// <summary>
/// Keeps a property's values out of audit entries: secrets, hashes, raw payloads, bookkeeping such as concurrency
/// versions. An attribute rather than EF metadata so the audit policy never leaks into migrations.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotAuditedAttribute : Attribute;
