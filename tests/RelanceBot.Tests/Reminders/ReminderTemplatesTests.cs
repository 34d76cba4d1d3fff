using RelanceBot.Patients;
using RelanceBot.Reminders.Messages;
using Shouldly;

namespace RelanceBot.Tests.Reminders;

public sealed class ReminderTemplatesTests
{
    private static readonly ReminderTemplates Templates =
        ReminderTemplates.Load(Path.Combine(AppContext.BaseDirectory, "Reminders", "Templates"));

    public static TheoryData<string, string> AllTemplates()
    {
        var data = new TheoryData<string, string>();
        foreach (var language in PatientLanguage.All)
        {
            foreach (var name in Templates.Names)
            {
                data.Add(language, name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllTemplates))]
    public void Sms_renders_fit_three_segments_even_with_long_names(string language, string name)
    {
        foreach (var earlier in new[] { true, false })
        {
            SmsFits(language, name, earlier);
        }
    }

    private static void SmsFits(string language, string name, bool earlier)
    {
        var model = new ReminderMessageModel(
            language, "Marie-Christine", "de La Rochefoucauld-Montbel", "Cabinet médical des Trois Fontaines",
            "Dr Anne-Sophie Delacroix-Beaumont", "+33102030405", 123_456_78, new DateOnly(2026, 9, 30),
            "https://relancebot.example.fr/p/0123456789abcdef0123456789abcdef", "rb-abcdefghijklmnopqrstuvwxyz234567", earlier);

        var text = Templates.Render(name, ChannelKind.Sms, model).Text;

        SmsSegments.Count(text).ShouldBeLessThanOrEqualTo(SmsSegments.MaxReminderSegments, text);
    }

    [Theory]
    [InlineData("a", 1)]
    [InlineData("€", 1)]
    public void Segments_count_short_texts_as_one(string text, int expected) => SmsSegments.Count(text).ShouldBe(expected);

    [Fact]
    public void Segments_follow_GSM7_and_UCS2_limits()
    {
        SmsSegments.Count(new string('a', 160)).ShouldBe(1);
        SmsSegments.Count(new string('a', 161)).ShouldBe(2);
        SmsSegments.Count(new string('a', 459)).ShouldBe(3);
        SmsSegments.Count(new string('a', 460)).ShouldBe(4);
        SmsSegments.Count(new string('€', 80)).ShouldBe(1); // 160 septets
        SmsSegments.Count(new string('ê', 70)).ShouldBe(1);
        SmsSegments.Count(new string('ê', 201)).ShouldBe(3);
        SmsSegments.Count(new string('ê', 202)).ShouldBe(4);
    }

    [Fact]
    public void Chat_renders_carry_pay_and_reply_buttons()
    {
        var model = new ReminderMessageModel(
            PatientLanguage.French, "Jeanne", "Martin", "Cabinet Dupont", "Dr Dupont", null, 4500, new DateOnly(2026, 3, 1),
            "https://pay.example/p/x", "rb-x", false);

        var rendered = Templates.Render("courteous-1", ChannelKind.Chat, model);

        rendered.Buttons.ShouldContain(button => button.Url == "https://pay.example/p/x");
        rendered.Text.ShouldContain("45,00");
    }

    [Fact]
    public void Only_the_mise_en_demeure_uses_legal_wording()
    {
        var model = new ReminderMessageModel(
            PatientLanguage.French, "Jeanne", "Martin", "Cabinet Dupont", "Dr Dupont", null, 4500, new DateOnly(2026, 3, 1), "https://p", "rb-x", true);

        foreach (var name in Templates.Names.Where(name => name != "formal-notice"))
        {
            var text = Templates.Render(name, ChannelKind.Email, model).Text.ToLowerInvariant();
            text.ShouldNotContain("mise en demeure");
            text.ShouldNotContain("recouvrement");
            text.ShouldNotContain("huissier");
        }
    }

    [Theory]
    [InlineData(PatientLanguage.French)]
    [InlineData(PatientLanguage.English)]
    public void No_text_claims_earlier_reminders_the_patient_never_got(string language)
    {
        var model = new ReminderMessageModel(
            language, "Jeanne", "Martin", "Cabinet Dupont", "Dr Dupont", null, 4500, new DateOnly(2026, 3, 1), "https://p", "rb-x", false);

        foreach (var name in Templates.Names)
        {
            foreach (var channel in Enum.GetValues<ChannelKind>())
            {
                var rendered = Templates.Render(name, channel, model);
                var text = $"{rendered.Subject}\n{rendered.Text}".ToLowerInvariant();
                string[] claims = ["précédent", "precedent", "plusieurs rappels", "second rappel", "previous", "several reminders", "second reminder"];
                claims.ShouldAllBe(claim => !text.Contains(claim), $"{language}/{name}.{channel}");
            }
        }

        var formal = Templates.Render("formal", ChannelKind.Email, model with { EarlierReminderDelivered = true }).Text;
        formal.ShouldContain(language == PatientLanguage.French ? "Malgré nos précédents rappels" : "Despite our previous reminders");
    }

    [Fact]
    public void A_missing_translation_stops_loading()
    {
        var directory = Directory.CreateTempSubdirectory("templates-");
        try
        {
            Directory.CreateDirectory(Path.Combine(directory.FullName, "fr"));
            Directory.CreateDirectory(Path.Combine(directory.FullName, "en"));
            File.WriteAllText(Path.Combine(directory.FullName, "fr", "x.sms.liquid"), "Bonjour {{ patient_first_name }}");
            File.WriteAllText(Path.Combine(directory.FullName, "fr", "x.email.liquid"), "Objet\nBonjour");

            Should.Throw<InvalidOperationException>(() => ReminderTemplates.Load(directory.FullName)).Message.ShouldContain("en/x.sms");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
