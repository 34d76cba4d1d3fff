using RelanceBot.Understanding;

namespace RelanceBot.Tests.Understanding;

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("bonjour", "bonjour")]
    [InlineData("bonjoir", "bonjour")]
    [InlineData("paiment", "paiement")]
    [InlineData("paiemment", "paiement")]
    [InlineData("echenacier", "echeancier")]
    public void IsAtMostOneEdit_OneSubstitutionInsertionDeletionOrTransposition_IsTrue(string a, string b) =>
        EditDistance.IsAtMostOneEdit(a, b).ShouldBeTrue();

    [Theory]
    [InlineData("bonsoir", "bonjour")]
    [InlineData("paie", "paiement")]
    [InlineData("abcd", "badc")]
    public void IsAtMostOneEdit_TwoOrMoreEdits_IsFalse(string a, string b) =>
        EditDistance.IsAtMostOneEdit(a, b).ShouldBeFalse();
}
