using RelanceBot.Invoices;

namespace RelanceBot.Tests.Invoices;

public sealed class EuroAmountTests
{
    [Theory]
    [InlineData("123,45", 12345)]
    [InlineData("123.45", 12345)]
    [InlineData("123", 12300)]
    [InlineData("123,4", 12340)]
    [InlineData("0,01", 1)]
    [InlineData("0,10", 10)]
    [InlineData("1 234,56 €", 123456)]
    [InlineData("1\u202F234,56", 123456)]
    [InlineData("1\u00A0234.56", 123456)]
    [InlineData("0,29", 29)] // 0.29 is not exact in binary floating point: cents must still be 29.
    [InlineData("999999999999,99", 99999999999999)]
    public void TryParseCents_FrenchAndDotNotations_GivesExactCents(string text, long expected)
    {
        EuroAmount.TryParseCents(text, out var cents).ShouldBeTrue();
        cents.ShouldBe(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("€")]
    [InlineData("12,345")]
    [InlineData("1.234,56")]
    [InlineData("-12,00")]
    [InlineData("12,")]
    [InlineData(",50")]
    [InlineData("douze")]
    [InlineData("1e3")]
    [InlineData("9999999999999")]
    public void TryParseCents_AnythingElse_IsRejected(string text) =>
        EuroAmount.TryParseCents(text, out _).ShouldBeFalse();
}
