using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RelanceBot.Payments.Stripe;

internal sealed class ProcessedStripeEventConfiguration : IEntityTypeConfiguration<ProcessedStripeEvent>
{
    public void Configure(EntityTypeBuilder<ProcessedStripeEvent> builder)
    {
        builder.ToTable("ProcessedStripeEvents");
        builder.HasKey(processed => processed.EventId);
        builder.Property(processed => processed.EventId).HasMaxLength(255);
        builder.Property(processed => processed.Type).HasMaxLength(100).IsRequired();
        builder.Property(processed => processed.Account).HasMaxLength(255);
    }
}
