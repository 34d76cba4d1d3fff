using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RelanceBot.Practices;

namespace RelanceBot.Teams.Digest;

internal sealed class TeamsDigestDeliveryConfiguration : IEntityTypeConfiguration<TeamsDigestDelivery>
{
    public void Configure(EntityTypeBuilder<TeamsDigestDelivery> builder)
    {
        builder.ToTable("TeamsDigestDeliveries");
        builder.HasKey(delivery => new { delivery.PracticeId, delivery.LocalDate });
        builder.HasOne<Practice>().WithMany().HasForeignKey(delivery => delivery.PracticeId).OnDelete(DeleteBehavior.Cascade);
    }
}
