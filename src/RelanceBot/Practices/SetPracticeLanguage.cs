using Microsoft.EntityFrameworkCore;
using RelanceBot.Intake;
using RelanceBot.Persistence;

namespace RelanceBot.Practices;

/// <summary>Changes the language a practice's staff read; what is composed from then on (cards, digest, new alerts) uses it.</summary>
public sealed class SetPracticeLanguage(RelanceBotDbContext db)
{
    /// <returns>The errors (nothing saved), or null when no practice has that id.</returns>
    public async Task<FieldErrors?> HandleAsync(Guid practiceId, string? language, CancellationToken cancellationToken)
    {
        var practice = await db.Practices.SingleOrDefaultAsync(candidate => candidate.Id == practiceId, cancellationToken);
        if (practice is null)
        {
            return null;
        }

        var errors = new FieldErrors();
        var parsed = PracticeLanguage.Require(language, errors);
        if (errors.IsEmpty)
        {
            practice.UseLanguage(parsed);
            await db.SaveChangesAsync(cancellationToken);
        }

        return errors;
    }
}
