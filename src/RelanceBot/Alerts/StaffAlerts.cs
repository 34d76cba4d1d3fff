using RelanceBot.Conversations.Messages;
using RelanceBot.Persistence;
using RelanceBot.Practices;

namespace RelanceBot.Alerts;

/// <summary>Raises alerts in the caller's unit of work, so an alert exists exactly when the change that caused it does.</summary>
public sealed class StaffAlerts(RelanceBotDbContext db, StaffCatalog catalog, PracticeLanguages languages, TimeProvider time)
{
    /// <summary>The wording of summaries, in the language of the practice's staff.</summary>
    public async ValueTask<StaffTexts> TextsForAsync(Guid practiceId, CancellationToken cancellationToken)
        => catalog.In(await languages.OfAsync(practiceId, cancellationToken));

    /// <summary>The same, for a caller that already holds the practice's <see cref="Practice.Language"/>.</summary>
    public StaffTexts TextsIn(BotLanguage language) => catalog.In(language);

    public StaffAlert Raise(NewStaffAlert alert) => db.StaffAlerts.Add(StaffAlert.Raise(alert, time.GetUtcNow())).Entity;
}
