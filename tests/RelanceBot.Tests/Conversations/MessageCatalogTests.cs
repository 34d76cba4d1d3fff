using System.Text.Json;
using RelanceBot.Conversations.Dialogs;
using Shouldly;

namespace RelanceBot.Tests.Conversations;

public sealed class MessageCatalogTests
{
    /// <summary>Words that would reveal the nature of care (medical secrecy): no template may carry them.</summary>
    private static readonly string[] CareWords =
    [
        "soin", "soins", "consultation", "acte", "actes", "traitement", "examen", "operation", "intervention", "diagnostic",
        "seance", "care", "treatment", "appointment", "surgery", "therapy", "diagnosis", "procedure", "visit",
    ];

    public static TheoryData<string> Languages => new() { "fr", "en" };

    [Fact]
    public void BothLanguages_DefineTheSameKeys()
        => Read("en").Keys.Order().ShouldBe(Read("fr").Keys.Order());

    [Theory]
    [MemberData(nameof(Languages))]
    public void NoTemplate_MentionsTheNatureOfCare(string language)
    {
        foreach (var (key, template) in Read(language))
        {
            var words = ChoiceRecognizer.Normalize(template).Split(' ');
            words.Intersect(CareWords).ShouldBeEmpty($"'{key}' ({language}) mentions care");
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void NoTemplate_Threatens(string language)
    {
        string[] threats = ["huissier", "poursuite", "poursuites", "tribunal", "contentieux", "bailiff", "court", "lawsuit", "penalty", "penalite"];
        foreach (var (key, template) in Read(language))
        {
            ChoiceRecognizer.Normalize(template).Split(' ').Intersect(threats).ShouldBeEmpty($"'{key}' ({language}) sounds like a threat");
        }
    }

    private static Dictionary<string, string> Read(string language)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Conversations", "Messages", $"{language}.json");
        return JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))!;
    }
}
