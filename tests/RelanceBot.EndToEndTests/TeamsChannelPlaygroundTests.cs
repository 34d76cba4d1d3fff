using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.Alerts;
using RelanceBot.Invoices;
using RelanceBot.Patients;
using RelanceBot.Persistence;
using RelanceBot.Plans;
using RelanceBot.Practices;
using RelanceBot.Teams.Alerts;
using RelanceBot.Teams.Linking;

namespace RelanceBot.EndToEndTests;

/// <summary>The practitioners' side in a real Teams client: the playground's team channel, its cards and buttons.</summary>
public sealed class TeamsChannelPlaygroundTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AStaffMember_LinksTheChannel_SeesAnAlertCard_AndApprovesThePlanFromIt()
    {
        await using var bot = new BotApp();
        await using var playground = await Playground.StartAsync(bot.MessagesEndpoint, "msteams");
        var config = (await playground.TestConfigAsync())["config"]!;
        var channelId = config["teams"]![0]!["channels"]![0]!["id"]!.GetValue<string>();
        var practice = await SetUpPracticeAsync(bot, config["currentUser"]!["aadObjectId"]!.GetValue<string>());

        // 1. In the channel, the staff member @mentions the bot with the one-time code from the practice's set-up.
        await playground.SayInChannelAsync(channelId, $"link {await IssueCodeAsync(bot, practice.Id)}");
        var linked = await playground.NextBotMessageAsync(Patience);
        linked["text"]!.GetValue<string>().ShouldContain("Cabinet Dupont");

        // 2. A patient asks for an installment plan: the alert's card appears in the channel.
        var (planId, alertId) = await RequestPlanAsync(bot, practice);
        await using (var scope = bot.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<AlertCardDispatcher>().DispatchAsync(CancellationToken.None)).ShouldBe(1);
        }

        var card = await playground.NextBotMessageAsync(Patience);
        var content = card["attachments"]![0]!["content"]!;
        content["type"]!.GetValue<string>().ShouldBe("AdaptiveCard");
        content.ToJsonString().ShouldContain("Jeanne Martin");

        // 3. The approve button, pressed in the playground (an adaptiveCard/action invoke).
        // A channel post is its own reply chain, "<channel>;messageid=<post id>", as in Teams.
        var cardId = card["messageId"]!.GetValue<string>();
        var answer = await playground.ExecuteCardActionAsync(
            $"{card["actionConversationId"]!.GetValue<string>()};messageid={cardId}", cardId, "approve", new JsonObject { ["alertId"] = alertId.ToString(), ["verb"] = "approve" });

        answer["type"]!.GetValue<string>().ShouldBe("application/vnd.microsoft.card.adaptive");
        var updated = await playground.NextBotUpdateAsync(Patience);
        updated["messageId"]!.GetValue<string>().ShouldBe(card["messageId"]!.GetValue<string>());
        updated["attachments"]![0]!["content"]!.ToJsonString().ShouldContain("Alex Wilber");

        await using var check = bot.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<RelanceBotDbContext>();
        (await db.StaffAlerts.SingleAsync(a => a.Id == alertId)).Status.ShouldBe(StaffAlertStatus.Approved);
        (await db.Set<InstallmentPlan>().SingleAsync(p => p.Id == planId)).Status.ShouldBe(InstallmentPlanStatus.Approved);
        (await db.Invoices.SingleAsync(i => i.PracticeId == practice.Id)).Status.ShouldBe(InvoiceStatus.UnderPlan);
    }

    private static async Task<Practice> SetUpPracticeAsync(BotApp bot, string aadObjectId)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var practice = (await services.GetRequiredService<AddPractice>().HandleAsync("Cabinet Dupont", "Dr Dupont", null, null, null, null, null, CancellationToken.None)).Practice!;
        (await services.GetRequiredService<RegisterStaff>().HandleAsync(practice.Id, "Alex Wilber", aadObjectId, "Assistant", CancellationToken.None))
            .Staff.ShouldNotBeNull();
        return practice;
    }

    private static async Task<string> IssueCodeAsync(BotApp bot, Guid practiceId)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<TeamsChannelLinks>().IssueCodeAsync(practiceId, CancellationToken.None))!.Code;
    }

    /// <summary>A patient with an invoice asks to pay it in three installments: the plan awaits the practice's approval.</summary>
    private static async Task<(Guid PlanId, Guid AlertId)> RequestPlanAsync(BotApp bot, Practice practice)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<RelanceBotDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var patient = Patient.Create(
            practice.Id, "P-1", new PatientDetails("Jeanne", "Martin", new DateOnly(1980, 2, 3), "+33612345678", null, "fr", IsCssBeneficiary: false), now);
        db.Patients.Add(patient);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var invoice = Invoice.Create(
            practice.Id, patient.Id, "F-1", new InvoiceAmounts(12345, 0, today.AddDays(-40), today.AddDays(-10), null, IsFeeOverrun: false), now);
        db.Invoices.Add(invoice);
        await db.SaveChangesAsync();

        var result = await services.GetRequiredService<RequestInstallmentPlan>()
            .HandleAsync([invoice.Id], 3, "Je peux payer en trois fois ?", today.AddDays(5), CancellationToken.None);
        return (result.Plans[0].Id, result.Plans[0].ApprovalAlertId!.Value);
    }
}
