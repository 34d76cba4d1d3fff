using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RelanceBot.Alerts;
using RelanceBot.Conversations;
using RelanceBot.Tests.BotFramework.TestInfrastructure;
using RelanceBot.Tests.TestHost;
using Shouldly;

namespace RelanceBot.Tests.Conversations;

/// <summary>Restarts, SMS channels, identity checks and isolation between patients, through <c>/api/messages</c>.</summary>
public sealed class PatientConversationStateTests
{
    [Fact]
    public async Task RestartInTheMiddleOfADialog_ResumesWhereItWas()
    {
        using var database = new TestDatabase();
        var first = RelanceBotFactory.On(database);
        var scenario = await PatientScenario.CreateAsync(first);
        var chat = new PatientChat(first);
        await chat.SayAsync(scenario.LinkToken);
        (await chat.SayAsync("je voudrais payer en plusieurs fois")).ShouldContain("En combien de fois");
        await first.DisposeAsync();

        await using var second = RelanceBotFactory.On(database);
        chat.App = second;

        (await chat.SayAsync("2")).ShouldContain("1. 61,73 € le 2 mars 2026");
        (await chat.SayAsync("oui")).ShouldContain("transmise au cabinet pour accord");
    }

    [Fact]
    public async Task Sms_ShowsChoicesAsNumberedLines_AndAcceptsTheNumber()
    {
        await using var app = new RelanceBotFactory();
        var scenario = await PatientScenario.CreateAsync(app);
        var sms = new PatientChat(app, channelId: "sms", conversationId: "+33612345678");

        var first = await sms.SayAsync(scenario.LinkToken);
        first.ShouldStartWith("Bonjour, je suis l'assistant automatique de votre cabinet");
        first.ShouldContain("Merci Jeanne");

        var menu = await sms.SendAsync("bonjour");
        menu[0]["suggestedActions"].ShouldBeNull();
        PatientChat.Read(menu).ShouldContain("1. Payer maintenant\n2. Payer en plusieurs fois\n3. Payer plus tard");

        var terms = await sms.SayAsync("2");
        terms.ShouldContain("1. En 2 fois\n2. En 3 fois");
        // "2" names the choice "2" before it means the second line.
        (await sms.SayAsync("2")).ShouldContain("Voici l'échéancier en 2 fois");
        (await sms.SayAsync("7")).ShouldContain("oui ou par non");
        (await sms.SayAsync("1")).ShouldContain("transmise au cabinet pour accord");
    }

    [Fact]
    public async Task FirstMessageOfAConversation_SaysItIsAnAutomatedAssistantAndHowToReachAPerson()
    {
        await using var app = new RelanceBotFactory();
        await PatientScenario.CreateAsync(app);
        var chat = new PatientChat(app, channelId: "sms", conversationId: "+33699999999");

        var text = await chat.SayAsync("bonjour");

        text.ShouldContain("assistant automatique");
        text.ShouldContain("pas une personne");
        text.ShouldContain("parler à quelqu'un");
    }

    [Fact]
    public async Task UnlinkedConversation_SeesNoInvoiceWhateverItAsks()
    {
        await using var app = new RelanceBotFactory();
        await PatientScenario.CreateAsync(app);
        var stranger = new PatientChat(app);

        foreach (var question in new[] { "je veux payer", "c'est pour quoi cette facture ?", "je paierai le 20 mars", "bonjour" })
        {
            var text = await stranger.SayAsync(question);
            text.ShouldContain("rb-");
            text.ShouldNotContain("123,45");
            text.ShouldNotContain("F-1");
        }
    }

    [Fact]
    public async Task LinkedConversation_OnlyEverSeesItsOwnPatientsInvoices()
    {
        await using var app = new RelanceBotFactory();
        var jeanne = await PatientScenario.CreateAsync(app, invoices: ("F-JEANNE", 12345));
        await PatientScenario.AddPatientAsync(app, jeanne.Practice, "P-2", "Durand", ("F-PAUL", 99900));
        var chat = new PatientChat(app);
        await chat.SayAsync(jeanne.LinkToken);

        var details = await chat.SayAsync("c'est pour quoi cette facture ?");

        details.ShouldContain("F-JEANNE");
        details.ShouldNotContain("F-PAUL");
        details.ShouldNotContain("999,00");
    }

    [Fact]
    public async Task PracticePage_IdentityCheckWithNameAndBirthDate_ThenTheRequestedFlowRuns()
    {
        await using var app = new RelanceBotFactory();
        var scenario = await PatientScenario.CreateAsync(app, lastName: "Lefèvre");
        var chat = new PatientChat(app);
        (await chat.SendEventAsync(PatientBot.PracticePageEventName, new JsonObject { ["practiceId"] = scenario.Practice.Id.ToString() }))
            .ShouldContain("Cabinet Dupont");

        (await chat.SayAsync("je veux payer maintenant")).ShouldContain("nom de famille");
        (await chat.SayAsync("LEFEVRE")).ShouldContain("date de naissance");
        var paid = await chat.SayAsync("03/02/1980");

        paid.ShouldContain("votre identité est vérifiée");
        paid.ShouldContain("https://pay.example.test/p/");
        var referenceId = await chat.ReferenceIdAsync();
        (await PatientScenario.QueryAsync(app, db => db.ConversationReferences.SingleAsync(r => r.Id == referenceId))).PatientId
            .ShouldBe(scenario.PatientId);
    }

    [Fact]
    public async Task FiveFailedIdentityChecks_LockTheCheckForAnHour_AndAlertStaff()
    {
        await using var app = new RelanceBotFactory();
        var scenario = await PatientScenario.CreateAsync(app);
        var chat = new PatientChat(app);
        await chat.SendEventAsync(PatientBot.PracticePageEventName, new JsonObject { ["practiceId"] = scenario.Practice.Id.ToString() });
        await chat.SayAsync("je veux payer");

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await chat.SayAsync("Martin");
            var answer = await chat.SayAsync("04/02/1980");
            answer.ShouldContain(attempt < 5 ? "Je ne retrouve pas de dossier" : "la vérification est suspendue");
        }

        // Even the right answers are refused while locked.
        (await chat.SayAsync("je veux payer")).ShouldContain("la vérification est suspendue");
        var alert = await PatientScenario.QueryAsync(app, db => db.StaffAlerts.SingleAsync(a => a.Kind == StaffAlertKind.IdentityCheckLocked));
        alert.PracticeId.ShouldBe(scenario.Practice.Id);

        app.Clock.Advance(TimeSpan.FromHours(1));
        (await chat.SayAsync("je veux payer")).ShouldContain("nom de famille");
        await chat.SayAsync("martin");
        (await chat.SayAsync("3 février 1980")).ShouldContain("votre identité est vérifiée");
    }

    [Fact]
    public async Task FiveFailedIdentityChecks_SpreadOverNewConversations_LockTheSurname_AndAlertStaff()
    {
        await using var app = new RelanceBotFactory();
        var scenario = await PatientScenario.CreateAsync(app);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var answer = await TryIdentityAsync(app, scenario, "Martin", $"0{attempt + 3}/02/1980");
            answer.ShouldContain(attempt < 5 ? "Je ne retrouve pas de dossier" : "la vérification est suspendue");
        }

        // A new conversation with the right birth date gets no fresh tries.
        var right = await TryIdentityAsync(app, scenario, "MARTIN", "03/02/1980");
        right.ShouldContain("la vérification est suspendue");
        right.ShouldNotContain("votre identité est vérifiée");
        var alert = await PatientScenario.QueryAsync(app, db => db.StaffAlerts.SingleAsync(a => a.Kind == StaffAlertKind.IdentityCheckLocked));
        alert.PracticeId.ShouldBe(scenario.Practice.Id);
        alert.Summary.ShouldContain("nom de famille");

        app.Clock.Advance(TimeSpan.FromHours(1));
        (await TryIdentityAsync(app, scenario, "martin", "3 février 1980")).ShouldContain("votre identité est vérifiée");
    }

    [Fact]
    public async Task FiveFailedIdentityChecks_OnAPatientsBirthDate_WithOtherSurnames_LockThatPatient()
    {
        await using var app = new RelanceBotFactory();
        var scenario = await PatientScenario.CreateAsync(app);

        foreach (var surname in new[] { "Dupont", "Durand", "Bernard", "Petit", "Moreau" })
        {
            await TryIdentityAsync(app, scenario, surname, "03/02/1980");
        }

        (await TryIdentityAsync(app, scenario, "Martin", "03/02/1980")).ShouldContain("la vérification est suspendue");
        var alert = await PatientScenario.QueryAsync(app, db => db.StaffAlerts.SingleAsync(a => a.Kind == StaffAlertKind.IdentityCheckLocked));
        alert.PatientId.ShouldBe(scenario.PatientId);
    }

    [Fact]
    public async Task FailedIdentityChecks_OutsideTheWindow_DoNotAddUp()
    {
        await using var app = new RelanceBotFactory();
        var scenario = await PatientScenario.CreateAsync(app);

        // Four a day, every day: each series of failures ends 24 hours after it began, before a fifth.
        for (var attempt = 1; attempt <= 12; attempt++)
        {
            (await TryIdentityAsync(app, scenario, "Martin", "04/02/1980")).ShouldContain("Je ne retrouve pas de dossier");
            app.Clock.Advance(TimeSpan.FromHours(7));
        }
    }

    /// <summary>A new conversation from the practice's page: asks to pay, then answers the identity check once.</summary>
    private static async Task<string> TryIdentityAsync(RelanceBotFactory app, PatientScenario scenario, string lastName, string birthDate)
    {
        var chat = new PatientChat(app);
        await chat.SendEventAsync(PatientBot.PracticePageEventName, new JsonObject { ["practiceId"] = scenario.Practice.Id.ToString() });
        await chat.SayAsync("je veux payer");
        await chat.SayAsync(lastName);
        return await chat.SayAsync(birthDate);
    }

    [Fact]
    public async Task IdentityCheck_RefusesAmbiguousMatches()
    {
        await using var app = new RelanceBotFactory();
        var scenario = await PatientScenario.CreateAsync(app);
        await PatientScenario.AddPatientAsync(app, scenario.Practice, "P-2", "Martin", ("F-2", 5000));
        var chat = new PatientChat(app);
        await chat.SendEventAsync(PatientBot.PracticePageEventName, new JsonObject { ["practiceId"] = scenario.Practice.Id.ToString() });
        await chat.SayAsync("je veux payer");
        await chat.SayAsync("Martin");

        var answer = await chat.SayAsync("03/02/1980");

        answer.ShouldContain("Je ne retrouve pas de dossier");
        answer.ShouldNotContain("pay.example.test");
    }

    [Fact]
    public async Task WithoutExpectReplies_RepliesGoThroughTheConnector()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new RelanceBotFactory();
        var scenario = await PatientScenario.CreateAsync(app);
        app.StartServer();
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/messages", new JsonObject
        {
            ["type"] = "message",
            ["id"] = "a-1",
            ["channelId"] = "webchat",
            ["serviceUrl"] = connector.ServiceUrl,
            ["from"] = new JsonObject { ["id"] = "user-1" },
            ["recipient"] = new JsonObject { ["id"] = "bot" },
            ["conversation"] = new JsonObject { ["id"] = "conv-connector" },
            ["locale"] = "fr-FR",
            ["text"] = scenario.LinkToken,
        });

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        var sent = connector.Requests.ToList();
        sent.Count.ShouldBe(2);
        sent.ShouldAllBe(request => request.Path == "/emea/v3/conversations/conv-connector/activities/a-1");
        sent[0].Body!["text"]!.GetValue<string>().ShouldContain("assistant automatique");
        sent[1].Body!["text"]!.GetValue<string>().ShouldContain("Merci Jeanne");
    }
}
