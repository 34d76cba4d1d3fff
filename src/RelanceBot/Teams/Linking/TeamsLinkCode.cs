using System.Security.Cryptography;
using System.Text;
using RelanceBot.Auditing;

namespace RelanceBot.Teams.Linking;

/// <summary>
/// A one-time code that ties a Teams channel to a practice: issued through the practice's set-up (API key or CLI),
/// typed in the channel by a staff member. Only its SHA-256 hash is stored; it expires and works once.
/// </summary>
public sealed class TeamsLinkCode : IAuditable
{
    public const string Prefix = "rbt-";

    public Guid Id { get; private set; }

    public Guid PracticeId { get; private set; }

    /// <summary>Lowercase hex SHA-256 of the whole code.</summary>
    [NotAudited]
    public string CodeHash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RedeemedAt { get; private set; }

    /// <summary>The Entra object id of the staff member who used the code.</summary>
    public string? RedeemedBy { get; private set; }

    Guid? IAuditable.AuditPracticeId => PracticeId;

    private TeamsLinkCode()
    {
    }

    /// <summary>A new code (128 random bits); the plain code is handed over once and never stored.</summary>
    public static (TeamsLinkCode Code, string PlainCode) Issue(Guid practiceId, DateTimeOffset now, TimeSpan lifetime)
    {
        var plainCode = Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var code = new TeamsLinkCode
        {
            Id = Guid.CreateVersion7(now),
            PracticeId = practiceId,
            CodeHash = Hash(plainCode),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        return (code, plainCode);
    }

    public static string Hash(string plainCode)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plainCode.Trim().ToLowerInvariant())));

    public bool IsUsableAt(DateTimeOffset now) => RedeemedAt is null && now < ExpiresAt;

    public void Redeem(string aadObjectId, DateTimeOffset now)
    {
        if (!IsUsableAt(now))
        {
            throw new InvalidOperationException("The code was already used or has expired.");
        }

        RedeemedAt = now;
        RedeemedBy = aadObjectId;
    }
}
