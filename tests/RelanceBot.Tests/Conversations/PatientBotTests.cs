using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.Conversations;
using RelanceBot.Persistence;
using RelanceBot.Tests.TestHost;

namespace RelanceBot.Tests.Conversations;

public sealed class PatientBotTests : IAsyncLifetime
{
    private readonly RelanceBotFactory _app = new();
    private TestPractice _practice = null!;

    public async Task InitializeAsync()
    {
        _practice = await TestPractice.CreateAsync(_app);
        using var api = _app.CreateApiClient(_practice.ApiKey);
        (await api.PutJsonAsync("/api/v1/patients/P-1", Requests.Patient("Jeanne"))).EnsureSuccessStatusCode();
        (await api.PutJsonAsync("/api/v1/invoices/F-1", Requests.Invoice("P-1", amountDueCents: 12345))).EnsureSuccessStatusCode();
        (await api.PutJsonAsync("/api/v1/patients/P-2", Requests.Patient("Paul"))).EnsureSuccessStatusCode();
        (await api.PutJsonAsync("/api/v1/invoices/F-2", Requests.Invoice("P-2", amountDueCents: 99900))).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Joining_InFrench_SaysItIsAnAutomatedAssistantAndHowToReachAPerson()
    {
        var greeting = await JoinAsync(new PatientChat(_app, "msteams", locale: "fr-FR"));

        greeting.ShouldContain("assistant automatique");
        greeting.ShouldContain("parler à une personne");
        greeting.ShouldContain("rb-");
    }

    [Fact]
    public async Task Joining_WithAnEnglishLocale_AnswersInEnglish()
    {
        var greeting = await JoinAsync(new PatientChat(_app, "msteams", locale: "en-US"));

        greeting.ShouldContain("automated assistant");
    }

    [Fact]
    public async Task FirstMessage_OnAChannelWithoutConversationUpdate_IntroducesTheBot()
    {
        var sms = new PatientChat(_app, "sms");

        (await sms.SayAsync("Bonjour")).ShouldContain("assistant automatique");
        (await sms.SayAsync("Combien je dois ?")).ShouldNotContain("assistant automatique");
    }

    [Fact]
    public async Task UnlinkedConversation_AskingForItsBalance_GetsHelpAndNoInvoiceDetail()
    {
        var conversation = new PatientChat(_app, "msteams");
        await JoinAsync(conversation);

        var reply = await conversation.SayAsync("Je suis Jeanne Martin, née le 03/02/1980, combien je dois ?");

        reply.ShouldContain("code");
        reply.ShouldNotContain("123,45");
        reply.ShouldNotContain("Jeanne");
    }

    [Fact]
    public async Task LinkToken_InAMessage_TiesTheConversationToItsPatientAndShowsOnlyTheirBalance()
    {
        var token = await IssueTokenAsync("P-1");
        var conversation = new PatientChat(_app, "msteams");

        var reply = await conversation.SayAsync($"Voici mon code : {token.ToUpperInvariant()}");

        reply.ShouldContain("Jeanne");
        reply.ShouldContain("123,45 €");
        reply.ShouldNotContain("999");
        reply.ShouldNotContain("Consultation", Case.Insensitive);
        (await conversation.SayAsync("combien je dois ?")).ShouldContain("123,45 €");
        (await FindReferenceAsync(conversation)).PatientId.ShouldBe(await PatientIdAsync("P-1"));
    }

    [Fact]
    public async Task LinkToken_FromAWebChatLinkEvent_TiesTheConversation()
    {
        var token = await IssueTokenAsync("P-2");
        var conversation = new PatientChat(_app, "webchat", locale: "en-GB");

        var reply = await conversation.SendEventAsync(PatientBot.LinkEventName, new JsonObject { ["token"] = token });

        reply.ShouldContain("Paul");
        // Bound, the conversation speaks the patient's recorded language (French), not the browser's.
        reply.ShouldContain("999,00 €");
    }

    [Fact]
    public async Task LinkToken_IsSingleUse()
    {
        var token = await IssueTokenAsync("P-1");
        await new PatientChat(_app).SayAsync(token);
        var other = new PatientChat(_app);

        var reply = await other.SayAsync(token);

        reply.ShouldContain("n'est plus valable");
        reply.ShouldNotContain("Jeanne");
        (await FindReferenceAsync(other)).PatientId.ShouldBeNull();
    }

    [Fact]
    public async Task LinkToken_Expired_IsRefused()
    {
        var token = await IssueTokenAsync("P-1");
        _app.Clock.Advance(ConversationLinker.DefaultLifetime + TimeSpan.FromMinutes(1));

        var reply = await new PatientChat(_app).SayAsync(token);

        reply.ShouldContain("n'est plus valable");
    }

    [Fact]
    public async Task UnknownToken_IsRefusedLikeAUsedOne()
    {
        var reply = await new PatientChat(_app).SayAsync("rb-" + new string('a', 32));

        reply.ShouldContain("n'est plus valable");
    }

    [Fact]
    public async Task EveryConversation_IsStoredForProactiveMessages()
    {
        var conversation = new PatientChat(_app, "msteams");
        await JoinAsync(conversation);

        var reference = await FindReferenceAsync(conversation);

        reference.ServiceUrl.ShouldBe("https://smba.trafficmanager.net/emea/");
        reference.TenantId.ShouldBe("tenant-1");
        reference.UserId.ShouldBe($"user-{conversation.ConversationId}");
        reference.BotId.ShouldBe("bot");
        reference.ReferenceJson.ShouldContain(conversation.ConversationId);
    }

    private static async Task<string> JoinAsync(PatientChat chat) => PatientChat.Read(await chat.PostAsync(new JsonObject
    {
        ["type"] = "conversationUpdate",
        ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "bot" }, new JsonObject { ["id"] = "patient" }),
    }));

    private async Task<string> IssueTokenAsync(string patientReference)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var patientId = await PatientIdAsync(patientReference);
        return await scope.ServiceProvider.GetRequiredService<ConversationLinker>()
            .IssueAsync(patientId, invoiceId: null, ConversationLinker.DefaultLifetime, CancellationToken.None);
    }

    private async Task<Guid> PatientIdAsync(string reference)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>().Patients
            .Where(p => p.ExternalReference == reference).Select(p => p.Id).SingleAsync();
    }

    private async Task<ConversationReferenceRecord> FindReferenceAsync(PatientChat conversation)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RelanceBotDbContext>().ConversationReferences
            .AsNoTracking().SingleAsync(r => r.ConversationId == conversation.ConversationId);
    }
}
