using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RelanceBot.Payments;

internal sealed class PaymentLinkOpenConfiguration : IEntityTypeConfiguration<PaymentLinkOpen>
{
    public void Configure(EntityTypeBuilder<PaymentLinkOpen> builder)
    {
        builder.ToTable("PaymentLinkOpens");
        builder.HasKey(open => open.Id);
        builder.Property(open => open.Id).ValueGeneratedNever();
        builder.Property(open => open.Outcome).HasConversion<string>().HasMaxLength(30);
        builder.Property(open => open.CheckoutSessionId).HasMaxLength(255);
        builder.HasIndex(open => open.PaymentLinkId);
        builder.HasOne<PaymentLink>().WithMany().HasForeignKey(open => open.PaymentLinkId).OnDelete(DeleteBehavior.Cascade);
    }
}
