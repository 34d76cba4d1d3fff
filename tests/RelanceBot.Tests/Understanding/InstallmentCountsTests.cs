using RelanceBot.Understanding;

namespace RelanceBot.Tests.Understanding;

public sealed class InstallmentCountsTests
{
    [Theory]
    [InlineData("en 3 fois", 3)]
    [InlineData("en trois fois", 3)]
    [InlineData("en deux", 2)]
    [InlineData("2x", 2)]
    [InlineData("x4", 4)]
    [InlineData("3 mensualités", 3)]
    [InlineData("deux versements", 2)]
    [InlineData("étaler sur 3 mois", 3)]
    [InlineData("in three installments", 3)]
    [InlineData("split it in two", 2)]
    [InlineData("en 10 fois", 10)]
    public void Find_CountInDigitsOrWords_IsRead(string text, int expected) =>
        InstallmentCounts.Find(TextNormalizer.Normalize(text)).ShouldBe(expected);

    [Theory]
    [InlineData("en une fois")]
    [InlineData("dans 3 jours")]
    [InlineData("en 2 semaines")]
    [InlineData("50 euros par mois")]
    [InlineData("3")]
    public void Find_NoInstallmentCount_IsNull(string text) =>
        InstallmentCounts.Find(TextNormalizer.Normalize(text)).ShouldBeNull();
}
