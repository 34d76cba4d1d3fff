using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RelanceBot.Invoices;
using RelanceBot.Practices;

namespace RelanceBot.Payments;

internal sealed class PaymentLinkConfiguration : IEntityTypeConfiguration<PaymentLink>
{
    public void Configure(EntityTypeBuilder<PaymentLink> builder)
    {
        builder.ToTable("PaymentLinks");
        builder.HasKey(link => link.Id);
        builder.Property(link => link.Id).ValueGeneratedNever();
        builder.Property(link => link.Token).HasMaxLength(PaymentLink.TokenLength).IsRequired();
        builder.HasIndex(link => link.Token).IsUnique();
        builder.HasIndex(link => link.InvoiceId).IsUnique();
        builder.HasOne<Practice>().WithMany().HasForeignKey(link => link.PracticeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Invoice>().WithMany().HasForeignKey(link => link.InvoiceId).OnDelete(DeleteBehavior.Cascade);
    }
}
