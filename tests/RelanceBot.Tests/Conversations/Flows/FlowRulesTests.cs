using RelanceBot.Conversations.Flows;
using Shouldly;

namespace RelanceBot.Tests.Conversations.Flows;

public sealed class FlowRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    [Theory]
    [InlineData(12345, 3, new long[] { 4115, 4115, 4115 })]
    [InlineData(12345, 2, new long[] { 6173, 6172 })]
    [InlineData(100, 3, new long[] { 34, 33, 33 })]
    public void InstallmentSchedule_SplitsInWholeCents_OddCentsFirst(long total, int count, long[] expected)
    {
        var schedule = InstallmentSchedule.Split([total], count, Today);

        schedule.Select(installment => installment.AmountCents).ShouldBe(expected);
        schedule.Sum(installment => installment.AmountCents).ShouldBe(total);
        schedule.Select(installment => installment.DueDate).ShouldBe(Enumerable.Range(0, count).Select(Today.AddMonths));
    }

    [Fact]
    public void InstallmentSchedule_OfSeveralInvoices_AddsUpEachInvoicesOwnPlan()
    {
        // Each invoice's plan puts its odd cent first: the schedule shows what the plans will really collect.
        var schedule = InstallmentSchedule.Split([101, 101], 2, Today);

        schedule.Select(installment => installment.AmountCents).ShouldBe([102L, 100L]);
    }

    [Theory]
    [InlineData("03/02/1980", 1980, 2, 3)]
    [InlineData("3-2-1980", 1980, 2, 3)]
    [InlineData("1980-02-03", 1980, 2, 3)]
    [InlineData("3 février 1980", 1980, 2, 3)]
    [InlineData("3 february 1980", 1980, 2, 3)]
    [InlineData("03.02.30", 1930, 2, 3)]
    [InlineData("03021980", 1980, 2, 3)]
    public void BirthDates_ReadTheUsualWritings(string text, int year, int month, int day)
        => BirthDates.Parse(text, Today).ShouldBe(new DateOnly(year, month, day));

    [Theory]
    [InlineData("hier")]
    [InlineData("31/02/1980")]
    [InlineData("")]
    public void BirthDates_RejectWhatIsNotADate(string text) => BirthDates.Parse(text, Today).ShouldBeNull();
}
