using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RelanceBot.Invoices;
using RelanceBot.Patients;
using RelanceBot.Practices;

namespace RelanceBot.Alerts;

internal sealed class StaffAlertConfiguration : IEntityTypeConfiguration<StaffAlert>
{
    public void Configure(EntityTypeBuilder<StaffAlert> builder)
    {
        builder.ToTable("StaffAlerts");
        builder.HasKey(alert => alert.Id);
        builder.Property(alert => alert.Id).ValueGeneratedNever();
        builder.Property(alert => alert.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(alert => alert.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(alert => alert.Summary).HasMaxLength(1000).IsRequired();
        builder.Property(alert => alert.PatientWords).HasMaxLength(2000);
        builder.Property(alert => alert.HandledBy).HasMaxLength(200);
        builder.Property(alert => alert.Resolution).HasMaxLength(1000);
        builder.PrimitiveCollection(alert => alert.InvoiceIds).IsRequired();
        builder.Ignore(alert => alert.CoveredInvoiceIds);
        builder.HasIndex(alert => new { alert.PracticeId, alert.Status });
        builder.HasOne<Practice>().WithMany().HasForeignKey(alert => alert.PracticeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Patient>().WithMany().HasForeignKey(alert => alert.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Invoice>().WithMany().HasForeignKey(alert => alert.InvoiceId).OnDelete(DeleteBehavior.Cascade);
    }
}
