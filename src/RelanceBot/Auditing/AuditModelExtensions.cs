using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RelanceBot.Auditing;

public static class AuditModelExtensions
{
    private const string ExcludedAnnotation = "RelanceBot:ExcludedFromAudit";

    /// <summary>Keeps the property's values out of audit entries (secrets, hashes, raw payloads, concurrency tokens).</summary>
    public static PropertyBuilder<T> ExcludedFromAudit<T>(this PropertyBuilder<T> property) =>
        property.HasAnnotation(ExcludedAnnotation, true);

    internal static bool IsExcludedFromAudit(this IReadOnlyProperty property) =>
        property.FindAnnotation(ExcludedAnnotation)?.Value is true;
}
