using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.Auditing;
using RelanceBot.Conversations;
using RelanceBot.Outbox;
using RelanceBot.Persistence;
using RelanceBot.Persistence.Sqlite;
using RelanceBot.Tests.TestHost;

namespace RelanceBot.Tests.Persistence.Sqlite;

public sealed class BulkInsertTests(RelanceBotFactory factory) : IClassFixture<RelanceBotFactory>
{
    [Fact]
    public async Task InsertAsync_AuditableRows_AreStoredWithTheSameAuditEntriesAsSaveChangesWrites()
    {
        var patientId = await PatientAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>();
        var actor = scope.ServiceProvider.GetRequiredService<IAuditActor>();
        // More rows than one statement holds, so both the shared and the last, shorter statement run.
        var tokens = Enumerable.Range(0, 23).Select(index => Token(patientId, index)).ToList();

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await InsertAsync(db, tokens, actor);
            await transaction.CommitAsync();
        }

        var ids = tokens.Select(token => token.Id).ToList();
        var stored = await db.ConversationLinkTokens.AsNoTracking().Where(token => ids.Contains(token.Id)).ToListAsync();
        stored.Select(token => token.TokenHash).ShouldBe(tokens.Select(token => token.TokenHash), ignoreOrder: true);
        stored.ShouldAllBe(token => token.ExpiresAt == RelanceBotFactory.Start.AddDays(7) && token.UsedAt == null);
        var entityIds = ids.Select(id => id.ToString()).ToList();
        var audit = await db.AuditEntries.AsNoTracking().Where(entry => entityIds.Contains(entry.EntityId)).ToListAsync();
        audit.Count.ShouldBe(tokens.Count);
        audit.ShouldAllBe(entry => entry.Action == AuditAction.Created && entry.EntityType == nameof(ConversationLinkToken));
        audit.ShouldAllBe(entry => entry.Changes.Contains("ExpiresAt") && !entry.Changes.Contains("TokenHash"));
    }

    [Fact]
    public async Task InsertAsync_StoresEveryColumnInTheFormatSaveChangesUses()
    {
        var patientId = await PatientAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>();
        var actor = scope.ServiceProvider.GetRequiredService<IAuditActor>();
        var saved = Token(patientId, 0);
        var inserted = Token(patientId, 1);
        db.ConversationLinkTokens.Add(saved);
        await db.SaveChangesAsync();

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await InsertAsync(db, [inserted], actor);
            await transaction.CommitAsync();
        }

        // Text GUIDs and dates are compared as text by SQLite: a different case or format would hide rows from EF.
        (await StoredAsync(db, "ConversationLinkTokens", "Id", inserted.Id, "PatientId", "InvoiceId", "CreatedAt", "ExpiresAt", "UsedAt"))
            .ShouldBe(await StoredAsync(db, "ConversationLinkTokens", "Id", saved.Id, "PatientId", "InvoiceId", "CreatedAt", "ExpiresAt", "UsedAt"));
        (await StoredAsync(db, "AuditEntries", "EntityId", inserted.Id.ToString(), "PracticeId", "EntityType", "Action", "Actor"))
            .ShouldBe(await StoredAsync(db, "AuditEntries", "EntityId", saved.Id.ToString(), "PracticeId", "EntityType", "Action", "Actor"));
        (await db.ConversationLinkTokens.CountAsync(token =>
            token.PatientId == patientId && token.CreatedAt == RelanceBotFactory.Start && token.InvoiceId == null)).ShouldBe(2);
    }

    [Fact]
    public async Task InsertAsync_ADuplicateUniqueKey_FailsAndTheTransactionLeavesNothing()
    {
        var patientId = await PatientAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>();
        var actor = scope.ServiceProvider.GetRequiredService<IAuditActor>();
        var first = Token(patientId, 0);
        var twin = Token(patientId, 1);
        twin.TokenHash = first.TokenHash;

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await Should.ThrowAsync<DbException>(() =>
                InsertAsync(db, [first, twin], actor));
        }

        (await db.ConversationLinkTokens.AnyAsync(token => token.Id == first.Id)).ShouldBeFalse();
    }

    [Fact]
    public async Task InsertAsync_OutsideATransaction_IsRefused()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>();
        var actor = scope.ServiceProvider.GetRequiredService<IAuditActor>();

        await Should.ThrowAsync<InvalidOperationException>(() =>
            InsertAsync(db, [Token(Guid.NewGuid(), 0)], actor));
    }

    [Fact]
    public async Task PrepareInsert_SkippingTakenValues_IsRefusedForAuditedTypesAndKeysWithoutAUniqueIndex()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>();
        var actor = scope.ServiceProvider.GetRequiredService<IAuditActor>();

        // Audit entries would be written for the rows the index skipped.
        Should.Throw<InvalidOperationException>(() =>
            db.PrepareInsert([Token(Guid.NewGuid(), 0)], actor, RelanceBotFactory.Start, unlessTaken: nameof(ConversationLinkToken.TokenHash)));
        Should.Throw<InvalidOperationException>(() =>
            db.PrepareInsert(Array.Empty<OutboxMessage>(), actor, RelanceBotFactory.Start, unlessTaken: nameof(OutboxMessage.PracticeId)))
            .Message.ShouldContain("no unique index");
    }

    private static Task<int> InsertAsync(RelanceBotDbContext db, IReadOnlyCollection<ConversationLinkToken> tokens, IAuditActor actor)
        => db.InsertAsync(db.PrepareInsert(tokens, actor, RelanceBotFactory.Start), CancellationToken.None);

    private async Task<Guid> PatientAsync()
    {
        var practice = await TestPractice.CreateAsync(factory);
        using var client = factory.CreateApiClient(practice.ApiKey);
        (await client.PutJsonAsync("/api/v1/patients/P-1", Requests.Patient())).EnsureSuccessStatusCode();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>();
        return (await db.Patients.SingleAsync(candidate => candidate.PracticeId == practice.Id)).Id;
    }

    /// <summary>Each column's storage class and literal, as SQLite holds it.</summary>
    private static async Task<List<string>> StoredAsync(RelanceBotDbContext db, string table, string keyColumn, object key, params string[] columns)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", columns.Select(column => $"typeof(\"{column}\") || ' ' || quote(\"{column}\")"))} "
            + $"FROM \"{table}\" WHERE \"{keyColumn}\" = $key";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "$key";
        parameter.Value = key is Guid guid ? guid.ToString().ToUpperInvariant() : key;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue($"no row in {table} for {key}");
        return [.. columns.Select((_, index) => reader.GetString(index))];
    }

    private static ConversationLinkToken Token(Guid patientId, int index) => new()
    {
        Id = Guid.NewGuid(),
        TokenHash = $"{index:D2}{Guid.NewGuid():N}{Guid.NewGuid():N}"[..64],
        PatientId = patientId,
        CreatedAt = RelanceBotFactory.Start,
        ExpiresAt = RelanceBotFactory.Start.AddDays(7),
    };
}
