using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RelanceBot.Invoices;
using RelanceBot.Plans;
using RelanceBot.Practices;

namespace RelanceBot.Payments;

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.ToTable("Payments");
        builder.HasKey(payment => payment.Id);
        builder.Property(payment => payment.Id).ValueGeneratedNever();
        builder.Property(payment => payment.StripePaymentIntentId).HasMaxLength(255).IsRequired();
        builder.HasIndex(payment => payment.StripePaymentIntentId).IsUnique();
        builder.HasIndex(payment => payment.InvoiceId);
        builder.HasOne<Practice>().WithMany().HasForeignKey(payment => payment.PracticeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Invoice>().WithMany().HasForeignKey(payment => payment.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Installment>().WithMany().HasForeignKey(payment => payment.InstallmentId).OnDelete(DeleteBehavior.SetNull);
    }
}
