using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.Alerts;
using RelanceBot.Conversations;
using RelanceBot.Plans;
using RelanceBot.Tests.BotFramework.TestInfrastructure;
using RelanceBot.Tests.TestHost;
using Shouldly;

namespace RelanceBot.Tests.Conversations;

/// <summary>A turn's replies leave only once what the turn decided is saved; a turn that cannot be saved says "try again".</summary>
public sealed class TurnCommitTests
{
    private const string RetryText = "un souci technique m'a empêché d'enregistrer votre réponse";

    [Fact]
    public async Task AVersionConflictOnSave_SendsTheConnectorOnlyTheRetryMessage_AndStoresNothing()
    {
        await using var connector = await FakeConnector.StartAsync();
        var conflict = new ConflictOnNextTurnSave();
        await using var app = new RelanceBotFactory();
        app.TestServices.Add(services => services.AddSingleton<IInterceptor>(conflict));
        var scenario = await PatientScenario.CreateAsync(app);
        var chat = new PatientChat(app) { ConnectorServiceUrl = connector.ServiceUrl };
        await chat.SayAsync(scenario.LinkToken);
        await chat.SayAsync("je voudrais payer en plusieurs fois");
        await chat.SayAsync("2");
        TextsSent(connector).Last().ShouldContain("Voici l'échéancier en 2 fois");
        var before = connector.Requests.Count;

        conflict.Arm();
        await chat.SayAsync("oui");

        conflict.Fired.ShouldBeTrue();
        var sent = TextsSent(connector).Skip(before).ShouldHaveSingleItem();
        sent.ShouldContain(RetryText);
        sent.ShouldNotContain("transmise au cabinet");
        (await PatientScenario.QueryAsync(app, db => db.Set<InstallmentPlan>().CountAsync())).ShouldBe(0);
        (await PatientScenario.QueryAsync(app, db => db.StaffAlerts.CountAsync(alert => alert.Kind == StaffAlertKind.PlanApproval))).ShouldBe(0);
    }

    [Fact]
    public async Task AVersionConflictOnSave_UnderExpectReplies_AnswersOnlyTheRetryMessage_InEnglishToo()
    {
        var conflict = new ConflictOnNextTurnSave();
        await using var app = new RelanceBotFactory();
        app.TestServices.Add(services => services.AddSingleton<IInterceptor>(conflict));
        var scenario = await PatientScenario.CreateAsync(app);
        var chat = new PatientChat(app, locale: "en-GB");
        await chat.SayAsync(scenario.LinkToken);
        await chat.SayAsync("I would like to pay in installments");
        await chat.SayAsync("2");

        conflict.Arm();
        var replies = await chat.SendAsync("yes");

        conflict.Fired.ShouldBeTrue();
        replies.ShouldHaveSingleItem()["text"]!.GetValue<string>().ShouldContain("a technical hitch stopped me from saving your answer");
        (await PatientScenario.QueryAsync(app, db => db.Set<InstallmentPlan>().CountAsync())).ShouldBe(0);

        // The conversation goes on: the same answer, sent again, is recorded.
        (await chat.SayAsync("yes")).ShouldNotContain("technical hitch");
    }

    private static List<string> TextsSent(FakeConnector connector) =>
        [.. connector.Requests.Select(request => request.Body?["text"]?.GetValue<string>() ?? "")];

    /// <summary>
    /// Another writer (a second instance, a racing turn) changes the conversation's state between this turn's read and
    /// its save: the save then fails on the state's version, as it would in production.
    /// </summary>
    private sealed class ConflictOnNextTurnSave : SaveChangesInterceptor
    {
        private int _armed;

        public bool Fired { get; private set; }

        public void Arm() => Interlocked.Exchange(ref _armed, 1);

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var state = eventData.Context?.ChangeTracker.Entries<ConversationState>()
                .FirstOrDefault(entry => entry.State == EntityState.Modified);
            if (state is not null && Interlocked.Exchange(ref _armed, 0) == 1)
            {
                var id = state.Entity.ConversationReferenceId;
                await eventData.Context!.Set<ConversationState>()
                    .Where(candidate => candidate.ConversationReferenceId == id)
                    .ExecuteUpdateAsync(update => update.SetProperty(candidate => candidate.Version, Guid.NewGuid()), cancellationToken);
                Fired = true;
            }

            return result;
        }
    }
}
