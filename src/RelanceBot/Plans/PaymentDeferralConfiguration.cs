using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RelanceBot.Invoices;
using RelanceBot.Patients;
using RelanceBot.Practices;

namespace RelanceBot.Plans;

internal sealed class PaymentDeferralConfiguration : IEntityTypeConfiguration<PaymentDeferral>
{
    public void Configure(EntityTypeBuilder<PaymentDeferral> builder)
    {
        builder.ToTable("PaymentDeferrals");
        builder.HasKey(deferral => deferral.Id);
        builder.Property(deferral => deferral.Id).ValueGeneratedNever();
        builder.Property(deferral => deferral.PatientWords).HasMaxLength(2000).IsRequired();
        builder.HasIndex(deferral => new { deferral.LinkSentAt, deferral.PayOn });
        builder.HasOne<Practice>().WithMany().HasForeignKey(deferral => deferral.PracticeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Invoice>().WithMany().HasForeignKey(deferral => deferral.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Patient>().WithMany().HasForeignKey(deferral => deferral.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
