using RelanceBot.Auditing;

namespace RelanceBot.Practices;

/// <summary>A member of a practice's staff, reachable in Teams.</summary>
public sealed class Staff : IAuditable
{
    public Guid Id { get; private set; }

    public Guid PracticeId { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>The member's Entra ID (AAD) object id, as Teams reports it.</summary>
    public string AadObjectId { get; private set; } = "";

    public StaffRole Role { get; private set; }

    Guid? IAuditable.AuditPracticeId => PracticeId;

    private Staff()
    {
    }

    /// <summary>How object ids are stored and compared: Teams' casing is not guaranteed.</summary>
    public static string NormalizeAadObjectId(string aadObjectId) => aadObjectId.Trim().ToLowerInvariant();

    public static Staff Create(Guid practiceId, string name, string aadObjectId, StaffRole role, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(aadObjectId);
        return new Staff
        {
            Id = Guid.CreateVersion7(now),
            PracticeId = practiceId,
            Name = name.Trim(),
            AadObjectId = aadObjectId,
            Role = role,
        };
    }
}
