using RelanceBot.Understanding;

namespace RelanceBot.Tests.Understanding;

public sealed class TextNormalizerTests
{
    private static string Normalize(string text) => string.Join(' ', TextNormalizer.Normalize(text).Select(token => token.Text));

    [Theory]
    [InlineData("Arrêtez de m'écrire !", "arretez de m ecrire")]
    [InlineData("jpeux payer", "je peux payer")]
    [InlineData("jai deja payé", "j ai deja paye")]
    [InlineData("c'est réglé", "c est regle")]
    [InlineData("c bon", "c est bon")]
    [InlineData("ouiii svppp", "oui svp")]
    [InlineData("qqn peut m'appeler stp", "quelqu un peut m appeler svp")]
    [InlineData("ds 15 jours mtn", "dans 15 jours maintenant")]
    [InlineData("I can't pay, I'm broke", "i can not pay i am broke")]
    [InlineData("payé le 05/12", "paye le 05/12")]
    [InlineData("cœur", "coeur")]
    public void Normalize_SmsAccentsAndContractions_AreFolded(string text, string expected) =>
        Normalize(text).ShouldBe(expected);

    [Fact]
    public void Normalize_PunctuationAndMais_StartNewClauses()
    {
        var tokens = TextNormalizer.Normalize("pas maintenant, plus tard mais ok");

        tokens.Select(token => token.Clause).Distinct().Count().ShouldBe(3);
        tokens.ShouldNotContain(token => token.Text == "mais");
    }
}
