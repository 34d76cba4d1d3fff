using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RelanceBot.Intake;
using RelanceBot.Patients;
using RelanceBot.Practices;

namespace RelanceBot.Invoices;

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        builder.ToTable("Invoices");
        builder.HasKey(invoice => invoice.Id);
        builder.Property(invoice => invoice.Id).ValueGeneratedNever();
        builder.Property(invoice => invoice.ExternalReference).HasMaxLength(ExternalReference.MaxLength).IsRequired();
        builder.Property(invoice => invoice.Currency).HasMaxLength(3).IsRequired();
        builder.Property(invoice => invoice.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(invoice => invoice.InternalDescription).HasMaxLength(InvoiceRules.MaxDescriptionLength);
        builder.Property(invoice => invoice.RemindersPauseReason).HasConversion<string>().HasMaxLength(200);
        builder.Property(invoice => invoice.Version).IsConcurrencyToken();
        builder.Ignore(invoice => invoice.AmountOutstandingCents);
        builder.Ignore(invoice => invoice.LimitationClockStart);
        builder.HasIndex(invoice => new { invoice.PracticeId, invoice.ExternalReference }).IsUnique();
        builder.HasIndex(invoice => new { invoice.Status, invoice.DueDate });
        builder.HasOne<Practice>().WithMany().HasForeignKey(invoice => invoice.PracticeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Patient>().WithMany().HasForeignKey(invoice => invoice.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
