using RelanceBot.Understanding;

namespace RelanceBot.Tests.Understanding;

/// <summary>Today is Monday 2026-11-23 throughout.</summary>
public sealed class DateExpressionsTests
{
    [Theory]
    [InlineData("le 5", "2026-12-05")]
    [InlineData("le 30", "2026-11-30")]
    [InlineData("le 23", "2026-11-23")]
    [InlineData("le 1er", "2026-12-01")]
    [InlineData("le 31", "2026-12-31")]
    [InlineData("le 5 décembre", "2026-12-05")]
    [InlineData("le 10 janvier", "2027-01-10")]
    [InlineData("05/12", "2026-12-05")]
    [InlineData("15/01/2027", "2027-01-15")]
    [InlineData("fin du mois", "2026-11-30")]
    [InlineData("fin du mois prochain", "2026-12-31")]
    [InlineData("début du mois prochain", "2026-12-01")]
    [InlineData("le mois prochain", "2026-12-01")]
    [InlineData("dans 2 semaines", "2026-12-07")]
    [InlineData("dans deux semaines", "2026-12-07")]
    [InlineData("dans 10 jours", "2026-12-03")]
    [InlineData("ds 15 jours", "2026-12-08")]
    [InlineData("lundi prochain", "2026-11-30")]
    [InlineData("vendredi", "2026-11-27")]
    [InlineData("la semaine prochaine", "2026-11-30")]
    [InlineData("à la fin de l'année", "2026-12-31")]
    [InlineData("demain", "2026-11-24")]
    [InlineData("après-demain", "2026-11-25")]
    [InlineData("next friday", "2026-11-27")]
    [InlineData("in two weeks", "2026-12-07")]
    [InlineData("on the 15th", "2026-12-15")]
    [InlineData("december 5th", "2026-12-05")]
    [InlineData("end of the month", "2026-11-30")]
    public void Resolve_DateInWords_IsResolvedAgainstToday(string text, string expected) =>
        DateExpressions.Resolve(TextNormalizer.Normalize(text), IntentCorpus.Today).ShouldBe(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("rappelez moi au 06 12 34 56 78")]
    [InlineData("on m'avait dit 30 euros")]
    [InlineData("quand je serai payé")]
    [InlineData("lundi dernier")]
    [InlineData("le 45")]
    [InlineData("31/02")]
    public void Resolve_NoDateOrNotADate_IsNull(string text) =>
        DateExpressions.Resolve(TextNormalizer.Normalize(text), IntentCorpus.Today).ShouldBeNull();

    [Fact]
    public void Recognize_PromiseWithDate_IsDeferWithThatDate()
    {
        var recognition = new IntentRecognizer().Recognize("je vous règle lundi prochain", new RecognitionContext(IntentCorpus.Today));

        recognition.Intent.ShouldBe(Intent.Defer);
        recognition.PromisedDate.ShouldBe(new DateOnly(2026, 11, 30));
    }
}
