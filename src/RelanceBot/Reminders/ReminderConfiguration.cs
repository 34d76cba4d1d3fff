using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RelanceBot.Invoices;
using RelanceBot.Patients;

namespace RelanceBot.Reminders;

internal sealed class ReminderScheduleConfiguration : IEntityTypeConfiguration<ReminderSchedule>
{
    public void Configure(EntityTypeBuilder<ReminderSchedule> builder)
    {
        builder.ToTable("ReminderSchedules");
        builder.HasKey(schedule => schedule.InvoiceId);
        // Covers the sweep's search for due invoices: an index-only range scan, no visit to the table per invoice.
        builder.HasIndex(schedule => new { schedule.NextReminderAt, schedule.InvoiceId });
        builder.HasIndex(schedule => schedule.PracticeId);
        builder.HasOne<Invoice>().WithOne().HasForeignKey<ReminderSchedule>(schedule => schedule.InvoiceId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReminderStepRunConfiguration : IEntityTypeConfiguration<ReminderStepRun>
{
    public void Configure(EntityTypeBuilder<ReminderStepRun> builder)
    {
        builder.ToTable("ReminderStepRuns");
        builder.HasKey(run => run.Id);
        builder.Property(run => run.Id).ValueGeneratedNever();
        builder.Property(run => run.StepName).HasMaxLength(CadencePolicySettings.MaxStepNameLength).IsRequired();
        builder.Property(run => run.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(run => run.Channel).HasConversion<string>().HasMaxLength(10);
        builder.HasIndex(run => new { run.InvoiceId, run.StepName }).IsUnique();
        builder.Property(run => run.DeliveryError).HasMaxLength(ReminderStepRun.MaxDeliveryErrorLength);
        builder.HasIndex(run => new { run.PatientId, run.QueuedAt });
        // Only alert steps have one; sent reminders, the bulk of the table, do not.
        builder.HasIndex(run => run.AlertId).HasFilter("\"AlertId\" IS NOT NULL");
        builder.HasOne<Invoice>().WithMany().HasForeignKey(run => run.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Patient>().WithMany().HasForeignKey(run => run.PatientId).OnDelete(DeleteBehavior.Cascade);
    }
}
