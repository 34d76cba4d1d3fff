using RelanceBot.Plans;
using Shouldly;
using Xunit;

namespace RelanceBot.Tests.Plans;

public sealed class InstallmentSplitterTests
{
    [Theory]
    [InlineData(10000, 3, new long[] { 3334, 3333, 3333 })]
    [InlineData(10000, 2, new long[] { 5000, 5000 })]
    [InlineData(10001, 2, new long[] { 5001, 5000 })]
    [InlineData(2, 2, new long[] { 1, 1 })]
    public void Split_AddsUpExactly_FirstTakesTheRemainder(long total, int count, long[] expected)
    {
        var amounts = InstallmentSplitter.Split(total, count);

        amounts.ShouldBe(expected);
        amounts.Sum().ShouldBe(total);
    }

    [Fact]
    public void Split_LessThanOneCentEach_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => InstallmentSplitter.Split(2, 3));
}
