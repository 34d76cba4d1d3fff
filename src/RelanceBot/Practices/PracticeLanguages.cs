using Microsoft.EntityFrameworkCore;
using RelanceBot.Conversations.Messages;
using RelanceBot.Persistence;

namespace RelanceBot.Practices;

/// <summary>
/// The one place a practice's staff language is looked up (<see cref="Practice.Language"/>): read once per unit of
/// work, so a turn or a sweep raising several alerts for one practice reads it once.
/// </summary>
public sealed class PracticeLanguages(RelanceBotDbContext db)
{
    private readonly Dictionary<Guid, BotLanguage> _known = [];

    public async ValueTask<BotLanguage> OfAsync(Guid practiceId, CancellationToken cancellationToken)
    {
        if (!_known.TryGetValue(practiceId, out var language))
        {
            language = await db.Practices.Where(practice => practice.Id == practiceId)
                .Select(practice => practice.Language).SingleAsync(cancellationToken);
            _known[practiceId] = language;
        }

        return language;
    }
}
