using Microsoft.EntityFrameworkCore;
using RelanceBot.Intake;
using RelanceBot.Persistence;
using RelanceBot.Reminders.Messages;

namespace RelanceBot.Reminders;

/// <summary>Reads and replaces a practice's cadence policy.</summary>
public sealed class CadencePolicies(RelanceBotDbContext db, ReminderTemplates templates, TimeProvider time)
{
    /// <summary>The stored policy, else the default one (switched off).</summary>
    public async Task<CadencePolicy> GetAsync(Guid practiceId, CancellationToken cancellationToken)
    {
        if (await db.Set<CadencePolicy>().SingleOrDefaultAsync(policy => policy.PracticeId == practiceId, cancellationToken) is { } stored)
        {
            return stored;
        }

        var timeZoneId = await db.Practices.Where(practice => practice.Id == practiceId)
            .Select(practice => practice.TimeZoneId).SingleAsync(cancellationToken);
        return CadencePolicy.DefaultFor(practiceId, timeZoneId);
    }

    /// <summary>
    /// Validates and saves <paramref name="settings"/>, then wakes the practice's schedules so the next sweep
    /// replans every invoice under the new policy. Returns the errors, saving nothing, when the settings are invalid.
    /// </summary>
    public async Task<FieldErrors> SaveAsync(Guid practiceId, CadencePolicySettings settings, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        settings.Validate(templates.Exists, errors);
        if (!errors.IsEmpty)
        {
            return errors;
        }

        var policy = await GetAsync(practiceId, cancellationToken);
        if (db.Entry(policy).State == EntityState.Detached)
        {
            db.Add(policy);
        }

        var now = time.GetUtcNow();
        policy.Apply(settings, now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await db.Set<ReminderSchedule>().Where(schedule => schedule.PracticeId == practiceId)
            .ExecuteUpdateAsync(update => update.SetProperty(schedule => schedule.NextReminderAt, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return errors;
    }
}
