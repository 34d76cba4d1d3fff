using RelanceBot.Conversations;

namespace RelanceBot.Reminders;

/// <summary>
/// Where the reminder sweep's rows go. A batch hands its new claims and link tokens, with the changes its unit of work
/// tracks (alerts, pay links, approved steps now sent), to <see cref="Prepare"/>, outside any write transaction; the
/// writer stores them with <see cref="WriteAsync"/> inside its own. Persistence implements it.
/// </summary>
public interface IReminderStorage
{
    /// <summary>Makes the rows ready to write and takes the tracked changes: the batch's unit of work tracks nothing after.</summary>
    ReminderRows Prepare(IReadOnlyCollection<ReminderStepRun> claims, IReadOnlyCollection<ConversationLinkToken> links, DateTimeOffset now);

    /// <summary>
    /// Writes <paramref name="rows"/> in the current write transaction, claims first: a claim another sweep stored first
    /// fails here, before anything else of the batch is written.
    /// </summary>
    Task WriteAsync(ReminderRows rows, CancellationToken cancellationToken);
}

/// <summary>Rows made ready by <see cref="IReminderStorage.Prepare"/>, for the storage that made them.</summary>
public abstract class ReminderRows;
