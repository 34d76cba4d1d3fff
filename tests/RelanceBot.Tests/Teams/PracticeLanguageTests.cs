using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.Alerts;
using RelanceBot.Reminders;
using RelanceBot.Teams.Digest;
using RelanceBot.Tests.BotFramework.TestInfrastructure;
using RelanceBot.Tests.TestHost;

namespace RelanceBot.Tests.Teams;

/// <summary>
/// Staff read their practice's language, whatever another practice of the same process chose: alert summaries, their
/// cards, the digest and the preview's notes, with that language's money format.
/// </summary>
public sealed class PracticeLanguageTests : TeamsChannelTest
{
    private const string EnglishChannelId = "19:smith-surgery@thread.tacv2";

    [Fact]
    public async Task An_english_practice_reads_english_and_a_french_one_french_in_the_same_process()
    {
        var english = await TeamsPractice.CreateAsync(App, "Smith Surgery");
        using (var api = App.CreateApiClient(english.Practice.ApiKey))
        {
            var saved = await api.PutJsonAsync("/api/v1/practice/settings", new { language = "en" });
            saved.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await saved.ReadJsonAsync())["language"]!.GetValue<string>().ShouldBe("en");
        }

        await Practice.LinkAsync(App, Channel);
        await english.LinkAsync(App, new TeamsStaffChannel(App, Connector, EnglishChannelId));
        await Practice.RequestPlanAsync(App);
        await english.RequestPlanAsync(App);

        var summaries = await TeamsPractice.QueryAsync(App, db => db.StaffAlerts.AsNoTracking()
            .Where(alert => alert.Kind == StaffAlertKind.PlanApproval).ToDictionaryAsync(alert => alert.PracticeId, alert => alert.Summary));
        summaries[Practice.Id].ShouldStartWith("Demande de paiement en 3 fois de la facture F-1");
        summaries[Practice.Id].ShouldContain("le 15 mars 2026");
        summaries[Practice.Id].ShouldNotContain("41.15");
        summaries[english.Id].ShouldStartWith("Request to pay invoice F-1 in 3 instalments");
        summaries[english.Id].ShouldContain("€41.15");

        (await TeamsPractice.DispatchCardsAsync(App)).ShouldBe(2);
        var frenchCard = CardText.Of(LastCardTo(Channel.ChannelId));
        var englishCard = CardText.Of(LastCardTo(EnglishChannelId));
        frenchCard.ShouldContain("123,45");
        frenchCard.ShouldNotContain("123.45");
        englishCard.ShouldContain("€123.45");
        englishCard.ShouldContain("Request to pay invoice F-1");

        await using (var scope = App.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<DailyDigest>().SendDueAsync(CancellationToken.None)).ShouldBe(2);
        }

        await TeamsPractice.DeliverOutboxAsync(App);
        CardText.Of(LastCardTo(Channel.ChannelId)).ShouldContain("Le point du");
        CardText.Of(LastCardTo(EnglishChannelId)).ShouldNotContain("Le point du");

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var preview = scope.ServiceProvider.GetRequiredService<PreviewCadence>();
            var frenchNotes = (await preview.HandleAsync(Practice.Id, 60, null, CancellationToken.None))!.Select(entry => entry.Note).OfType<string>().ToList();
            var englishNotes = (await preview.HandleAsync(english.Id, 60, null, CancellationToken.None))!.Select(entry => entry.Note).OfType<string>().ToList();
            frenchNotes.ShouldNotBeEmpty();
            englishNotes.Count.ShouldBe(frenchNotes.Count);
            englishNotes.ShouldNotContain(note => frenchNotes.Contains(note), "the same steps, worded in each practice's language");
        }
    }

    [Fact]
    public async Task An_unknown_language_is_refused_and_changes_nothing()
    {
        using var api = App.CreateApiClient(Practice.Practice.ApiKey);
        var refused = await api.PutJsonAsync("/api/v1/practice/settings", new { language = "de" });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.ReadJsonAsync())["errors"]!["language"].ShouldNotBeNull();
        using var current = await api.GetAsync("/api/v1/practice/settings");
        (await current.ReadJsonAsync())["language"]!.GetValue<string>().ShouldBe("fr");
    }

    private System.Text.Json.Nodes.JsonObject LastCardTo(string channelId) => Connector.Requests
        .Last(request => request.Path.Contains(Uri.EscapeDataString(channelId), StringComparison.Ordinal) || request.Path.Contains(channelId, StringComparison.Ordinal))
        .Body!["attachments"]![0]!["content"]!.AsObject();
}
