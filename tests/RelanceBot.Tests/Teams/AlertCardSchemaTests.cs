using System.Text.Json.Nodes;
using RelanceBot.Alerts;
using RelanceBot.Conversations.Messages;
using RelanceBot.Teams.Alerts;
using RelanceBot.Teams.Cards;
using RelanceBot.Teams.Digest;
using RelanceBot.Teams.Messages;

namespace RelanceBot.Tests.Teams;

/// <summary>Every card RelanceBot can post, in every state and language, against the official Adaptive Card 1.5 schema.</summary>
public sealed class AlertCardSchemaTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly TeamsMessages Messages = TeamsMessages.Load(MessagesDirectory());

    public static TheoryData<StaffAlertKind, bool, bool, StaffAlertStatus, BotLanguage> EveryAlertCard()
    {
        var data = new TheoryData<StaffAlertKind, bool, bool, StaffAlertStatus, BotLanguage>();
        foreach (var kind in Enum.GetValues<StaffAlertKind>())
        {
            foreach (var requiresDecision in new[] { false, true })
            {
                foreach (var onInvoice in new[] { false, true })
                {
                    foreach (var status in Enum.GetValues<StaffAlertStatus>().Where(s => requiresDecision || s is StaffAlertStatus.Open or StaffAlertStatus.Closed))
                    {
                        foreach (var language in Enum.GetValues<BotLanguage>())
                        {
                            data.Add(kind, requiresDecision, onInvoice, status, language);
                        }
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryAlertCard))]
    public async Task AlertCard_ValidatesAgainstTheOfficialSchema(
        StaffAlertKind kind, bool requiresDecision, bool onInvoice, StaffAlertStatus status, BotLanguage language)
    {
        var alert = StaffAlert.Raise(new NewStaffAlert(
            Guid.NewGuid(), kind, "3 rappels envoyés par SMS (J+7, J+15, J+30), sans réponse.",
            PatientId: Guid.NewGuid(), InvoiceId: onInvoice ? Guid.NewGuid() : null,
            PatientWords: "Je ne peux pas payer tout de suite", RequiresDecision: requiresDecision), Now.AddDays(-1));
        if (status != StaffAlertStatus.Open)
        {
            alert.Resolve(status, "Dr Dupont", "Motif : accord trouvé par téléphone", Now);
        }

        var subject = new AlertCardSubject(alert, "Jeanne Martin", onInvoice ? "F-2026-001" : null, onInvoice ? 12345 : null,
            onInvoice ? new DateOnly(2026, 3, 1) : null, Paris);

        var card = new AlertCardComposer(Messages).Compose(subject, language, Now, notice: status == StaffAlertStatus.Open ? null : "déjà traité");

        await AdaptiveCardSchema.ShouldBeValidAsync(card);
        card["version"]!.GetValue<string>().ShouldBe("1.5");
    }

    [Theory]
    [InlineData(StaffAlertKind.PlanApproval, true, BotLanguage.French)]
    [InlineData(StaffAlertKind.PlanApproval, true, BotLanguage.English)]
    [InlineData(StaffAlertKind.AlreadyPaidClaim, false, BotLanguage.French)]
    [InlineData(StaffAlertKind.AlreadyPaidClaim, false, BotLanguage.English)]
    public async Task ACardOverSeveralInvoices_NamesThemAll_AndValidatesAgainstTheOfficialSchema(StaffAlertKind kind, bool requiresDecision, BotLanguage language)
    {
        var alert = StaffAlert.Raise(new NewStaffAlert(
            Guid.NewGuid(), kind, "Demande de paiement en 3 fois des factures F-1 (123,45 €), F-2 (80,00 €), soit 203,45 € en tout.",
            PatientId: Guid.NewGuid(), RequiresDecision: requiresDecision, InvoiceIds: [Guid.NewGuid(), Guid.NewGuid()]), Now);
        var subject = new AlertCardSubject(alert, "Jeanne Martin", "F-1, F-2", 20345, new DateOnly(2026, 3, 1), Paris) { InvoiceCount = 2 };

        var card = new AlertCardComposer(Messages).Compose(subject, language, Now);

        await AdaptiveCardSchema.ShouldBeValidAsync(card);
        CardText.Of(card).ShouldContain(language == BotLanguage.French ? "Factures" : "Invoices");
        CardText.Of(card).ShouldContain("F-1, F-2");
    }

    [Theory]
    [InlineData(BotLanguage.French)]
    [InlineData(BotLanguage.English)]
    public async Task DigestCard_ValidatesAgainstTheOfficialSchema(BotLanguage language)
    {
        var figures = new DigestFigures(new DateOnly(2026, 5, 4), 12000, 5000, 4000, 3000, 2000, RemindersSentYesterday: 14, AwaitingAction: 3,
            RemindersUndeliveredYesterday: 1, NearingLimitation: 2);

        await AdaptiveCardSchema.ShouldBeValidAsync(new DigestCardComposer(Messages).Compose("Cabinet Dupont", figures, language));
    }

    [Theory]
    [InlineData("unknown property")]
    [InlineData("missing required property")]
    [InlineData("wrong enum value")]
    [InlineData("Action.Execute below its version's shape")]
    public async Task TheValidator_RejectsCardsTheSchemaForbids(string mistake)
    {
        var card = new AdaptiveCardBuilder().Text("Bonjour").Build("Bonjour", "fr");
        switch (mistake)
        {
            case "unknown property":
                card["body"]![0]!["colour"] = "Attention";
                break;
            case "missing required property":
                ((JsonArray)card["body"]!).Add(new JsonObject { ["type"] = "FactSet" });
                break;
            case "wrong enum value":
                card["body"]![0]!["weight"] = "Heavy";
                break;
            default:
                card["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.Execute", ["verb"] = 3 });
                break;
        }

        (await AdaptiveCardSchema.ValidateAsync(card)).ShouldNotBeEmpty();
    }

    [Fact]
    public void OpenAlertCard_CarriesOnlyTheAlertIdAndVerbInItsButtons()
    {
        var alert = StaffAlert.Raise(new NewStaffAlert(Guid.NewGuid(), StaffAlertKind.PlanApproval, "Demande d'échéancier en 3 fois",
            InvoiceId: Guid.NewGuid(), RequiresDecision: true), Now);
        var card = new AlertCardComposer(Messages).Compose(new AlertCardSubject(alert, "Jeanne Martin", "F-1", 100, null, Paris), BotLanguage.French, Now);

        var approve = card["actions"]![0]!;
        approve["type"]!.GetValue<string>().ShouldBe("Action.Execute");
        approve["verb"]!.GetValue<string>().ShouldBe("approve");
        approve["data"]!.AsObject().Select(p => p.Key).ShouldBe(["alertId", "verb"], ignoreOrder: true);
        approve["fallback"]!["type"]!.GetValue<string>().ShouldBe("Action.Submit");
        card.ToJsonString().ShouldNotContain("Consultation");
    }

    private static string MessagesDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "RelanceBot", "Teams", "Messages");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("src/RelanceBot/Teams/Messages not found above the test directory.");
    }
}
