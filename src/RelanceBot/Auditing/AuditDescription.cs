using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.Metadata;

namespace RelanceBot.Auditing;

/// <summary>
/// What an audit entry says about an entity: its properties, minus those marked <see cref="NotAuditedAttribute"/>,
/// as JSON. Shared by the audit interceptor (tracked changes) and bulk inserts (untracked new rows) so both write
/// the same entries.
/// </summary>
internal static class AuditDescription
{
    private static readonly JsonSerializerOptions ChangesJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    // Reflection on every property of every saved entity dominated big saves.
    private static readonly ConcurrentDictionary<PropertyInfo, bool> Audited = new();

    public static bool IsAudited(IReadOnlyProperty property) =>
        property.PropertyInfo is not { } info
        || Audited.GetOrAdd(info, static member => !member.IsDefined(typeof(NotAuditedAttribute), inherit: true));

    public static string Serialize(Dictionary<string, AuditedChange> changes) => JsonSerializer.Serialize(changes, ChangesJson);

    /// <summary>The entry for a new entity that was never tracked.</summary>
    public static AuditEntry Created(IEntityType entityType, IAuditable entity, string actor, DateTimeOffset now)
    {
        var changes = entityType.GetProperties()
            .Where(IsAudited)
            .ToDictionary(
                property => property.Name,
                property => new AuditedChange(null, property.GetGetter().GetClrValueUsingContainingEntity(entity)));
        return AuditEntry.Record(
            now, entity.AuditPracticeId, entityType.ClrType.Name, entity.Id.ToString(), AuditAction.Created, actor, Serialize(changes));
    }
}
