using RelanceBot.Auditing;
using RelanceBot.Conversations;
using RelanceBot.Persistence.Sqlite;
using RelanceBot.Reminders;

namespace RelanceBot.Persistence;

/// <summary>
/// The sweep's rows in the application's database: new claims and link tokens through <see cref="BulkInsert"/>, the
/// few tracked changes handed from the batch's context to the writer's (<see cref="PendingChanges"/>) and saved there.
/// </summary>
internal sealed class ReminderStorage(RelanceBotDbContext db, IAuditActor actor) : IReminderStorage
{
    public ReminderRows Prepare(IReadOnlyCollection<ReminderStepRun> claims, IReadOnlyCollection<ConversationLinkToken> links, DateTimeOffset now) =>
        new Rows(db.PrepareInsert(claims, actor, now), db.PrepareInsert(links, actor, now), PendingChanges.TakeFrom(db));

    public async Task WriteAsync(ReminderRows rows, CancellationToken cancellationToken)
    {
        var (claims, links, changes) = (Rows)rows;
        await db.InsertAsync(claims, cancellationToken);
        await db.InsertAsync(links, cancellationToken);
        if (!changes.IsEmpty)
        {
            changes.AttachTo(db);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private sealed class Rows(BulkRows claims, BulkRows links, PendingChanges changes) : ReminderRows
    {
        public void Deconstruct(out BulkRows claimRows, out BulkRows linkRows, out PendingChanges trackedChanges) =>
            (claimRows, linkRows, trackedChanges) = (claims, links, changes);
    }
}
