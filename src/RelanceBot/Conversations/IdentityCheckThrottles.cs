using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RelanceBot.Persistence;

namespace RelanceBot.Conversations;

/// <summary>Finds (or starts, in the caller's unit of work) the identity-check counters of the subjects an attempt concerns.</summary>
public sealed class IdentityCheckThrottles(RelanceBotDbContext db, TimeProvider time)
{
    public static string ConversationSubject(Guid conversationReferenceId) => $"conversation:{conversationReferenceId:N}";

    /// <summary>Hashed, so that surnames typed by strangers are not kept.</summary>
    public static string SurnameSubject(string normalizedSurname) =>
        $"surname:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedSurname)))}";

    public static string PatientSubject(Guid patientId) => $"patient:{patientId:N}";

    /// <summary>The tracked counters of those subjects that have one.</summary>
    public Task<List<IdentityCheckThrottle>> FindAsync(Guid practiceId, IReadOnlyCollection<string> subjects, CancellationToken cancellationToken) =>
        db.Set<IdentityCheckThrottle>()
            .Where(throttle => throttle.PracticeId == practiceId && subjects.Contains(throttle.Subject))
            .ToListAsync(cancellationToken);

    /// <summary>A counter for a subject seen for the first time, saved with the turn.</summary>
    public IdentityCheckThrottle Start(Guid practiceId, string subject) =>
        db.Add(IdentityCheckThrottle.Start(practiceId, subject, time.GetUtcNow())).Entity;

    /// <summary>Whether the conversation itself is locked, before anything is asked.</summary>
    public Task<bool> IsConversationLockedAsync(Guid practiceId, Guid conversationReferenceId, CancellationToken cancellationToken)
    {
        var subject = ConversationSubject(conversationReferenceId);
        var now = time.GetUtcNow();
        return db.Set<IdentityCheckThrottle>().AnyAsync(
            throttle => throttle.PracticeId == practiceId && throttle.Subject == subject && throttle.LockedUntil > now,
            cancellationToken);
    }
}
