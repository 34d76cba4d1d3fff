using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RelanceBot.Conversations;
using RelanceBot.Persistence;
using RelanceBot.Practices;

namespace RelanceBot.Teams.Linking;

/// <summary>Ties a practice to the Teams channel where its alerts are posted, and unties it.</summary>
public sealed class TeamsChannelLinks(RelanceBotDbContext db, TimeProvider time, IOptions<TeamsOptions> options)
{
    public sealed record IssuedCode(string Code, DateTimeOffset ExpiresAt);

    /// <returns>The plain code, to hand over once; null when there is no such practice.</returns>
    public async Task<IssuedCode?> IssueCodeAsync(Guid practiceId, CancellationToken cancellationToken)
    {
        if (!await db.Practices.AnyAsync(p => p.Id == practiceId, cancellationToken))
        {
            return null;
        }

        var (code, plainCode) = TeamsLinkCode.Issue(practiceId, time.GetUtcNow(), options.Value.LinkCodeLifetime);
        db.TeamsLinkCodes.Add(code);
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedCode(plainCode, code.ExpiresAt);
    }

    /// <summary>Links the channel to the code's practice, if the code is valid and the member is one of its staff.</summary>
    public async Task<TeamsLinkOutcome> LinkAsync(
        string plainCode, ConversationReferenceRecord channel, string? aadObjectId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var hash = TeamsLinkCode.Hash(plainCode);
        var code = await db.TeamsLinkCodes.SingleOrDefaultAsync(c => c.CodeHash == hash, cancellationToken);
        if (code is null || !code.IsUsableAt(now))
        {
            return new TeamsLinkOutcome(TeamsLinkResult.InvalidCode, null);
        }

        var practice = await db.Practices.SingleAsync(p => p.Id == code.PracticeId, cancellationToken);
        if (!await IsStaffAsync(practice.Id, aadObjectId, cancellationToken))
        {
            // The code stays usable: a colleague who is registered can still use it.
            return new TeamsLinkOutcome(TeamsLinkResult.NotStaff, practice);
        }

        if (await db.Practices.AnyAsync(p => p.Id != practice.Id && p.TeamsAlertChannelReferenceId == channel.Id, cancellationToken))
        {
            return new TeamsLinkOutcome(TeamsLinkResult.ChannelTaken, practice);
        }

        code.Redeem(aadObjectId!, now);
        practice.UseTeamsAlertChannel(channel.Id);
        await db.SaveChangesAsync(cancellationToken);
        return new TeamsLinkOutcome(TeamsLinkResult.Linked, practice);
    }

    /// <summary>Stops posting the practice's alerts to this channel; only its staff may do it.</summary>
    public async Task<TeamsLinkOutcome> UnlinkAsync(ConversationReferenceRecord channel, string? aadObjectId, CancellationToken cancellationToken)
    {
        var practice = await FindPracticeAsync(channel, cancellationToken);
        if (practice is null)
        {
            return new TeamsLinkOutcome(TeamsLinkResult.NotLinked, null);
        }

        if (!await IsStaffAsync(practice.Id, aadObjectId, cancellationToken))
        {
            return new TeamsLinkOutcome(TeamsLinkResult.NotStaff, practice);
        }

        practice.StopTeamsAlerts();
        await db.SaveChangesAsync(cancellationToken);
        return new TeamsLinkOutcome(TeamsLinkResult.Unlinked, practice);
    }

    public Task<Practice?> FindPracticeAsync(ConversationReferenceRecord channel, CancellationToken cancellationToken)
        => db.Practices.SingleOrDefaultAsync(p => p.TeamsAlertChannelReferenceId == channel.Id, cancellationToken);

    private async Task<bool> IsStaffAsync(Guid practiceId, string? aadObjectId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(aadObjectId))
        {
            return false;
        }

        var objectId = Staff.NormalizeAadObjectId(aadObjectId);
        return await db.Staff.AnyAsync(s => s.PracticeId == practiceId && s.AadObjectId == objectId, cancellationToken);
    }
}
