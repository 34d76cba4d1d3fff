using RelanceBot.Reminders;
using Shouldly;

namespace RelanceBot.Tests.Reminders;

public sealed class SweepBatchesTests
{
    [Fact]
    public void A_patients_invoices_always_share_a_batch_so_concurrent_batches_never_count_the_same_contacts()
    {
        var patients = Enumerable.Range(0, 7).Select(_ => Guid.NewGuid()).ToList();
        // Interleaved by wake-up time, as the sweep reads them: patient 0 has 3 invoices, the others 1 or 2.
        var due = Enumerable.Range(0, 12)
            .Select(index => new SweepDueReminders.DueInvoice(Guid.NewGuid(), patients[index % 7 == 6 ? 0 : index % 7]))
            .ToList();

        var batches = SweepDueReminders.Batches(due, batchSize: 4).ToList();

        batches.SelectMany(batch => batch).ShouldBe(due.Select(invoice => invoice.InvoiceId), ignoreOrder: true);
        batches.ShouldAllBe(batch => batch.Count <= 4);
        var batchOf = batches.SelectMany((batch, index) => batch.Select(invoiceId => (invoiceId, index))).ToDictionary();
        foreach (var patient in due.GroupBy(invoice => invoice.PatientId))
        {
            patient.Select(invoice => batchOf[invoice.InvoiceId]).Distinct().Count().ShouldBe(1);
        }
    }

    [Fact]
    public void A_patient_with_more_invoices_than_a_batch_gets_one_batch_of_their_own()
    {
        var busy = Guid.NewGuid();
        var due = new[] { Guid.NewGuid(), busy, busy, busy, Guid.NewGuid() }
            .Select(patientId => new SweepDueReminders.DueInvoice(Guid.NewGuid(), patientId))
            .ToList();

        var batches = SweepDueReminders.Batches(due, batchSize: 2).ToList();

        batches.Select(batch => batch.Count).ShouldBe([1, 3, 1]);
    }

    [Fact]
    public void The_first_batch_can_be_smaller_so_the_writer_starts_sooner()
    {
        var due = Enumerable.Range(0, 10).Select(_ => new SweepDueReminders.DueInvoice(Guid.NewGuid(), Guid.NewGuid())).ToList();

        var batches = SweepDueReminders.Batches(due, batchSize: 4, firstBatchSize: 2).ToList();

        batches.Select(batch => batch.Count).ShouldBe([2, 4, 4]);
    }
}
