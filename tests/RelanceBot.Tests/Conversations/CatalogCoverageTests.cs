using System.Text.Json;
using System.Text.RegularExpressions;
using RelanceBot.Alerts;
using RelanceBot.Conversations.Messages;
using Shouldly;

namespace RelanceBot.Tests.Conversations;

/// <summary>
/// Every sentence a patient or a practice reads lives in a catalog, in French and in English: each catalog has both
/// languages with the same keys (and both plural forms), each language reads as itself, and no alert summary, patient
/// page, pause reason or Stripe wording is written as a literal in code again.
/// </summary>
public sealed partial class CatalogCoverageTests
{
    /// <summary>The catalogs the app loads (<see cref="MessageCatalog.Load"/>), relative to the content root.</summary>
    public static TheoryData<string> Catalogs => new()
    {
        "Alerts/Messages", "Collection/Messages", "Conversations/Messages", "PatientSpace/Messages", "Payments/Messages", "Teams/Messages", "Reminders/Templates",
    };

    // Words that only one of the two languages uses, as whole words (placeholders removed first).
    private static readonly string[] FrenchOnly = ["le", "la", "les", "des", "une", "facture", "factures", "est", "vous", "après", "à"];
    private static readonly string[] EnglishOnly = ["the", "is", "invoice", "invoices", "you", "your", "and", "of", "after", "paid"];

    [Theory]
    [MemberData(nameof(Catalogs))]
    public void EachCatalog_HasBothLanguages_WithTheSameKeys_AndBothPluralForms(string catalog)
    {
        var french = Read(catalog, "fr");
        Read(catalog, "en").Keys.Order().ShouldBe(french.Keys.Order(), $"{catalog}: the English keys differ from the French ones");
        foreach (var key in french.Keys.Where(key => key.EndsWith(".one", StringComparison.Ordinal)))
        {
            french.ShouldContainKey(key[..^".one".Length] + ".other");
        }

        foreach (var key in french.Keys.Where(key => key.EndsWith(".other", StringComparison.Ordinal)))
        {
            french.ShouldContainKey(key[..^".other".Length] + ".one");
        }

        Should.NotThrow(() => MessageCatalog.Load(Path.Combine(AppContext.BaseDirectory, catalog)));
    }

    [Theory]
    [MemberData(nameof(Catalogs))]
    public void EachLanguage_ReadsAsItself(string catalog)
    {
        foreach (var (key, text) in Read(catalog, "en"))
        {
            Words(text).Intersect(FrenchOnly).ShouldBeEmpty($"{catalog} '{key}' (en) has French words: {text}");
        }

        foreach (var (key, text) in Read(catalog, "fr"))
        {
            Words(text).Intersect(EnglishOnly).ShouldBeEmpty($"{catalog} '{key}' (fr) has English words: {text}");
        }
    }

    [Fact]
    public void NoAlertSummary_PatientPage_PauseReason_OrStripeWording_IsALiteralInCode()
    {
        var source = Path.Combine(RepositoryRoot(), "src", "RelanceBot");
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
                     .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                         && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                         // The demo's stand-in for Stripe's own hosted page, which Stripe words itself.
                         && !file.Contains("DemoCheckout", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (Match call in AlertOrPageCall().Matches(text))
            {
                if (SentenceLiteral().IsMatch(call.Value))
                {
                    offenders.Add($"{Path.GetRelativePath(source, file)}: {call.Value[..Math.Min(120, call.Value.Length)]}");
                }
            }
        }

        offenders.ShouldBeEmpty("staff and patient sentences belong in the catalogs");
    }

    [Fact]
    public void Money_Numbers_Phones_AndPlurals_AreWrittenForTheLanguage()
    {
        var french = TextFormat.For(BotLanguage.French);
        var english = TextFormat.For(BotLanguage.English);
        french.Money(1_200_00).ShouldBe("1\u202F200,00 €", "what .NET's fr-FR writes: a narrow no-break space between thousands");
        english.Money(1_200_00).ShouldBe("€1,200.00");
        french.Number(12_345).ShouldBe("12\u202F345");
        french.Phone("+33123456789").ShouldBe("01 23 45 67 89");
        english.Phone("+33612345678").ShouldBe("06 12 34 56 78");
        french.Phone("+442079460958").ShouldBe("+44 20 7946 0958");

        var catalog = new StaffCatalog(MessageCatalog.Load(Path.Combine(AppContext.BaseDirectory, "Alerts", "Messages")));
        var staff = catalog.In(BotLanguage.French);
        staff.SayCount("already-paid", 1, ("amount", "10 €")).ShouldContain("(1 facture)");
        staff.SayCount("already-paid", 2, ("amount", "10 €")).ShouldContain("(2 factures)");
        staff.SayCount("step-escalation", 1, ("invoice", "F-1")).ShouldContain("1 jour après");
        catalog.In(BotLanguage.English).SayCount("step-escalation", 1, ("invoice", "F-1")).ShouldContain("1 day overdue");
        catalog.In(BotLanguage.English).SayCount("step-escalation", 0, ("invoice", "F-1")).ShouldContain("0 days overdue");
    }

    private static string[] Words(string text)
        => Placeholder().Replace(text.ToLowerInvariant(), " ").Split([' ', ',', '.', ':', ';', '(', ')', '?', '!', '«', '»', '\n', '\u00A0', '\u202F'], StringSplitOptions.RemoveEmptyEntries);

    private static Dictionary<string, string> Read(string catalog, string language)
        => JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, catalog, $"{language}.json")))!;

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RelanceBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("RelanceBot.sln not found above the test binaries.");
    }

    /// <summary>
    /// Up to the end of its statement: a raised alert, a patient page, a stored pause reason, or what Stripe shows the
    /// patient (product name, charge description).
    /// </summary>
    [GeneratedRegex(@"(new NewStaffAlert\(|PayPages\.Page\(|\.PauseReminders\(|new (SavedCardCharge|CheckoutRequest|PaymentDue)\()[^;]*;", RegexOptions.Singleline)]
    private static partial Regex AlertOrPageCall();

    /// <summary>A string literal holding words (a space between letters): a sentence, not a key.</summary>
    [GeneratedRegex(@"\$?""[^""\n]*\p{L}+ \p{L}+[^""\n]*""")]
    private static partial Regex SentenceLiteral();

    [GeneratedRegex(@"\{[a-zA-Z]+\}")]
    private static partial Regex Placeholder();
}
