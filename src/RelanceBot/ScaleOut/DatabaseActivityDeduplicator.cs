using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RelanceBot.BotFramework;
using RelanceBot.BotFramework.Hosting;
using RelanceBot.BotFramework.Schema;
using RelanceBot.Persistence;

namespace RelanceBot.ScaleOut;

/// <summary>
/// De-duplication shared by every instance: claiming a delivery is one insert on its key, which takes over a row
/// whose window (<see cref="BotFrameworkOptions.DeduplicationWindow"/>) has passed. A duplicate of a completed invoke
/// gets the first delivery's response, whichever instance ran it; a duplicate of a delivery still running gets 200,
/// as in one process. Expired rows are purged by <see cref="ProcessedActivitiesPurge"/>.
/// </summary>
internal sealed class DatabaseActivityDeduplicator(
    IServiceScopeFactory scopes,
    IOptions<BotFrameworkOptions> options,
    TimeProvider time) : IActivityDeduplicator
{
    public async ValueTask<DeduplicationCheck> TryBeginAsync(ActivityKey key, CancellationToken cancellationToken)
    {
        var hash = Hash(key);
        var now = time.GetUtcNow();
        var expiresAt = now + options.Value.DeduplicationWindow;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>();
        var claimed = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "ProcessedActivities" ("KeyHash", "ExpiresAt") VALUES ({hash}, {expiresAt})
            ON CONFLICT ("KeyHash") DO UPDATE SET "ExpiresAt" = excluded."ExpiresAt", "InvokeStatus" = NULL, "InvokeBodyJson" = NULL
            WHERE "ProcessedActivities"."ExpiresAt" <= {now}
            """,
            cancellationToken);
        if (claimed == 1)
        {
            return DeduplicationCheck.FirstDelivery;
        }

        var first = await db.Set<ProcessedActivity>().AsNoTracking()
            .Where(row => row.KeyHash == hash)
            .Select(row => new { row.InvokeStatus, row.InvokeBodyJson })
            .SingleOrDefaultAsync(cancellationToken);
        return new DeduplicationCheck(
            IsDuplicate: true,
            first?.InvokeStatus is { } status
                ? new InvokeResponse(status, first.InvokeBodyJson is { } body ? JsonSerializer.Deserialize<JsonElement>(body) : null)
                : null);
    }

    public async ValueTask CompleteAsync(ActivityKey key, InvokeResponse? invokeResponse, CancellationToken cancellationToken)
    {
        // Only invokes answer with something to replay; the claim itself already marks any other activity as seen.
        if (invokeResponse is null)
        {
            return;
        }

        var hash = Hash(key);
        var body = invokeResponse.Body is null ? null : JsonSerializer.Serialize(invokeResponse.Body, BotFrameworkJson.Options);
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>().Set<ProcessedActivity>()
            .Where(row => row.KeyHash == hash)
            .ExecuteUpdateAsync(
                setters => setters
                    .SetProperty(row => row.InvokeStatus, invokeResponse.Status)
                    .SetProperty(row => row.InvokeBodyJson, body),
                cancellationToken);
    }

    public async ValueTask AbandonAsync(ActivityKey key, CancellationToken cancellationToken)
    {
        var hash = Hash(key);
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>().Set<ProcessedActivity>()
            .Where(row => row.KeyHash == hash)
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Length-prefixed ids, so that no two keys join into the same text.</summary>
    private static byte[] Hash(ActivityKey key) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{key.ChannelId.Length}:{key.ChannelId}{key.ConversationId.Length}:{key.ConversationId}{key.ActivityId}"));
}
