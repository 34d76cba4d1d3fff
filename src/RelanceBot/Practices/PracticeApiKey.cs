using RelanceBot.Auditing;

namespace RelanceBot.Practices;

/// <summary>
/// A practice's API key, stored only as its SHA-256 hash. The key itself is shown once at creation and never stored
/// or logged; <see cref="Prefix"/> is a short non-secret part that identifies it in logs and audit entries.
/// </summary>
public sealed class PracticeApiKey : IAuditable
{
    public Guid Id { get; private set; }

    public Guid PracticeId { get; private set; }

    /// <summary>Lowercase hex SHA-256 of the whole key.</summary>
    [NotAudited]
    public string KeyHash { get; private set; } = "";

    public string Prefix { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    Guid? IAuditable.AuditPracticeId => PracticeId;

    private PracticeApiKey()
    {
    }

    /// <summary>Creates a new key for the practice; the returned plain key must be handed over once and forgotten.</summary>
    public static (PracticeApiKey Key, string PlainKey) Issue(Guid practiceId, DateTimeOffset now)
    {
        var plainKey = ApiKeyFormat.Generate();
        var key = new PracticeApiKey
        {
            Id = Guid.CreateVersion7(now),
            PracticeId = practiceId,
            KeyHash = ApiKeyFormat.Hash(plainKey),
            Prefix = ApiKeyFormat.PrefixOf(plainKey),
            CreatedAt = now,
        };
        return (key, plainKey);
    }

    /// <summary>Revokes the key; revoking twice keeps the first revocation time.</summary>
    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
