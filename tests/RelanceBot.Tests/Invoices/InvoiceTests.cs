using RelanceBot.Invoices;

namespace RelanceBot.Tests.Invoices;

public sealed class InvoiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1000, 0, InvoiceStatus.Open)]
    [InlineData(1000, 1, InvoiceStatus.PartiallyPaid)]
    [InlineData(1000, 1000, InvoiceStatus.Paid)]
    public void Create_DerivesTheStatusFromTheAmounts(long due, long paid, InvoiceStatus expected) =>
        Create(Amounts(due, paid)).Status.ShouldBe(expected);

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, 0)]
    [InlineData(100, -1)]
    [InlineData(100, 101)]
    public void Create_InvalidAmounts_Throws(long due, long paid) =>
        Should.Throw<ArgumentOutOfRangeException>(() => Create(Amounts(due, paid)));

    [Fact]
    public void Create_DueDateBeforeIssueDate_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() =>
            Create(Amounts(100, 0) with { DueDate = new DateOnly(2026, 1, 1) }));

    [Fact]
    public void Update_WithTheCurrentValues_ChangesNothing()
    {
        var invoice = Create(Amounts(100, 0));

        invoice.Update(invoice.PatientId, Amounts(100, 0), Now.AddDays(1)).ShouldBeFalse();

        invoice.UpdatedAt.ShouldBe(Now);
    }

    [Fact]
    public void Cancel_Twice_KeepsTheFirstCancellation()
    {
        var invoice = Create(Amounts(100, 0));

        invoice.Cancel(Now.AddDays(1));
        invoice.Cancel(Now.AddDays(2));

        invoice.Status.ShouldBe(InvoiceStatus.Cancelled);
        invoice.UpdatedAt.ShouldBe(Now.AddDays(1));
    }

    [Fact]
    public void Update_ACancelledInvoice_Throws()
    {
        var invoice = Create(Amounts(100, 0));
        invoice.Cancel(Now);

        Should.Throw<InvoiceCancelledException>(() => invoice.Update(invoice.PatientId, Amounts(50, 0), Now));
    }

    private static Invoice Create(InvoiceAmounts amounts) => Invoice.Create(Guid.NewGuid(), Guid.NewGuid(), "F-1", amounts, Now);

    private static InvoiceAmounts Amounts(long due, long paid) =>
        new(due, paid, new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1), null, IsFeeOverrun: false);
}
