using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.Alerts;
using RelanceBot.Auditing;
using RelanceBot.Conversations;
using RelanceBot.Persistence;
using RelanceBot.Plans;
using RelanceBot.Tests.Conversations;
using RelanceBot.Tests.TestHost;

namespace RelanceBot.Tests.Auditing;

public sealed class AuditLogTests(RelanceBotFactory factory) : IClassFixture<RelanceBotFactory>
{
    [Fact]
    public async Task ApiChanges_AreAuditedWithTheKeyPrefixAndOnlyTheChangedValues()
    {
        var practice = await TestPractice.CreateAsync(factory);
        using var client = factory.CreateApiClient(practice.ApiKey);
        await client.PutJsonAsync("/api/v1/patients/P-1", Requests.Patient());
        await client.PutJsonAsync("/api/v1/invoices/F-1", Requests.Invoice(amountDueCents: 1000));
        await client.PutJsonAsync("/api/v1/invoices/F-1", Requests.Invoice(amountDueCents: 1000));
        await client.PutJsonAsync("/api/v1/invoices/F-1", Requests.Invoice(amountDueCents: 1000, amountPaidCents: 400));

        var entries = await AuditEntriesAsync(practice.Id, "Invoice");

        entries.Select(entry => entry.Action).ShouldBe([AuditAction.Created, AuditAction.Updated]);
        var actor = "api-key:" + practice.ApiKey[..12];
        entries.ShouldAllBe(entry => entry.Actor == actor);
        var update = JsonNode.Parse(entries[1].Changes)!.AsObject();
        // A partial payment acknowledges the debt: the limitation clock restarts.
        update.Select(change => change.Key).ShouldBe(["AcknowledgedOn", "AmountPaidCents", "Status"], ignoreOrder: true);
        update["AmountPaidCents"]!["old"]!.GetValue<long>().ShouldBe(0);
        update["AmountPaidCents"]!["new"]!.GetValue<long>().ShouldBe(400);
        update["Status"]!["new"]!.GetValue<string>().ShouldBe("PartiallyPaid");
    }

    [Fact]
    public async Task ApiKeyCreation_IsAuditedWithoutItsHash()
    {
        var practice = await TestPractice.CreateAsync(factory);

        var entry = (await AuditEntriesAsync(practice.Id, "PracticeApiKey")).ShouldHaveSingleItem();

        entry.Action.ShouldBe(AuditAction.Created);
        entry.Changes.ShouldContain("Prefix");
        entry.Changes.ShouldNotContain("KeyHash");
    }

    [Fact]
    public async Task ConversationLinkTokens_AreAuditedWithoutTheirHash()
    {
        var practice = await TestPractice.CreateAsync(factory);
        using var client = factory.CreateApiClient(practice.ApiKey);
        (await client.PutJsonAsync("/api/v1/patients/P-1", Requests.Patient())).EnsureSuccessStatusCode();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>();
        var patientId = (await db.Patients.SingleAsync(candidate => candidate.PracticeId == practice.Id)).Id;
        var token = new ConversationLinkToken
        {
            Id = Guid.NewGuid(),
            TokenHash = new string('a', 64),
            PatientId = patientId,
            CreatedAt = RelanceBotFactory.Start,
            ExpiresAt = RelanceBotFactory.Start.AddDays(7),
        };

        db.ConversationLinkTokens.Add(token);
        await db.SaveChangesAsync();

        var entry = await db.AuditEntries.SingleAsync(candidate => candidate.EntityId == token.Id.ToString());
        entry.EntityType.ShouldBe(nameof(ConversationLinkToken));
        entry.Changes.ShouldContain("ExpiresAt");
        entry.Changes.ShouldNotContain("TokenHash");
    }

    [Fact]
    public async Task PooledContexts_RecordTheActorOfTheScopeUsingThem()
    {
        var practice = await TestPractice.CreateAsync(factory);
        using var client = factory.CreateApiClient(practice.ApiKey);
        (await client.PutJsonAsync("/api/v1/patients/P-1", Requests.Patient())).EnsureSuccessStatusCode();
        Guid patientId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            patientId = (await scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>().Patients
                .SingleAsync(candidate => candidate.PracticeId == practice.Id)).Id;
        }

        // Contexts are pooled: the second scope likely gets the first one's context back. The actor is set once
        // before the context is resolved and once after, as scopes do both.
        var tokens = new Dictionary<Guid, string>();
        foreach (var (actor, setActorFirst) in new[] { ("scope-one", true), ("scope-two", false) })
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var auditActor = scope.ServiceProvider.GetRequiredService<ScopedAuditActor>();
            if (setActorFirst)
            {
                auditActor.Use(actor);
            }

            var db = scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>();
            auditActor.Use(actor);
            var token = new ConversationLinkToken
            {
                Id = Guid.NewGuid(),
                TokenHash = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"),
                PatientId = patientId,
                CreatedAt = RelanceBotFactory.Start,
                ExpiresAt = RelanceBotFactory.Start.AddDays(7),
            };
            db.ConversationLinkTokens.Add(token);
            await db.SaveChangesAsync();
            tokens.Add(token.Id, actor);
        }

        await using var check = factory.Services.CreateAsyncScope();
        var entries = await check.ServiceProvider.GetRequiredService<RelanceBotDbContext>().AuditEntries
            .Where(entry => entry.EntityType == nameof(ConversationLinkToken))
            .ToListAsync();
        foreach (var (tokenId, actor) in tokens)
        {
            entries.Single(entry => entry.EntityId == tokenId.ToString()).Actor.ShouldBe(actor);
        }
    }

    [Fact]
    public async Task AScopeWithoutActor_IsRecordedAsSystem_EvenOnAContextAnotherActorUsedBefore()
    {
        var practice = await TestPractice.CreateAsync(factory);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<ScopedAuditActor>().Use("someone");
            await scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>().Practices.CountAsync();
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>();
            var tracked = await db.Practices.SingleAsync(candidate => candidate.Id == practice.Id);
            db.Entry(tracked).Property(nameof(tracked.Name)).CurrentValue = "Cabinet renamed";
            await db.SaveChangesAsync();
        }

        await using var check = factory.Services.CreateAsyncScope();
        var latest = await check.ServiceProvider.GetRequiredService<RelanceBotDbContext>().AuditEntries
            .Where(entry => entry.PracticeId == practice.Id && entry.Action == AuditAction.Updated)
            .OrderByDescending(entry => entry.Id)
            .FirstAsync();
        latest.Actor.ShouldBe(ScopedAuditActor.System);
    }

    [Fact]
    public async Task APatientsTurns_AreAuditedAsTheirConversation()
    {
        await using var app = new RelanceBotFactory();
        var scenario = await PatientScenario.CreateAsync(app);
        var chat = new PatientChat(app);
        await chat.SayAsync(scenario.LinkToken);
        await chat.SayAsync("je voudrais payer en plusieurs fois");
        await chat.SayAsync("2");
        (await chat.SayAsync("oui")).ShouldContain("transmise au cabinet");

        var conversationId = await PatientScenario.QueryAsync(app, db => db.ConversationReferences
            .Where(reference => reference.ConversationId == chat.ConversationId).Select(reference => reference.Id).SingleAsync());
        var entries = await PatientScenario.QueryAsync(app, db => db.AuditEntries
            .Where(entry => entry.EntityType == nameof(ConversationReferenceRecord) || entry.EntityType == nameof(InstallmentPlan)
                || entry.EntityType == nameof(StaffAlert))
            .ToListAsync());

        // The conversation, created already bound to the patient (the link was its first message, one save), the plan
        // it asked for and the alert it raised.
        entries.Where(entry => entry.EntityId == conversationId.ToString()).Select(entry => entry.Action)
            .ShouldBe([AuditAction.Created]);
        entries.Select(entry => entry.EntityType).ShouldContain(nameof(InstallmentPlan));
        entries.Select(entry => entry.EntityType).ShouldContain(nameof(StaffAlert));
        entries.ShouldAllBe(entry => entry.Actor == $"conversation:{conversationId}");
    }

    [Fact]
    public async Task AuditEntries_CannotBeUpdatedOrDeleted()
    {
        var practice = await TestPractice.CreateAsync(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>();
        var entry = await db.AuditEntries.FirstAsync(candidate => candidate.PracticeId == practice.Id);
        var recordedActor = entry.Actor;

        db.Entry(entry).Property(candidate => candidate.Actor).CurrentValue = "someone-else";
        await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.AuditEntries.Remove(await db.AuditEntries.FirstAsync(candidate => candidate.PracticeId == practice.Id));
        await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        db.ChangeTracker.Clear();
        (await db.AuditEntries.AsNoTracking().FirstAsync(candidate => candidate.Id == entry.Id)).Actor.ShouldBe(recordedActor);
    }

    private async Task<List<AuditEntry>> AuditEntriesAsync(Guid practiceId, string entityType)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>().AuditEntries
            .Where(entry => entry.PracticeId == practiceId && entry.EntityType == entityType)
            .OrderBy(entry => entry.Id)
            .ToListAsync();
    }
}
