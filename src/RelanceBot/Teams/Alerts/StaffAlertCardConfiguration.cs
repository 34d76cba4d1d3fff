using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RelanceBot.Alerts;

namespace RelanceBot.Teams.Alerts;

internal sealed class StaffAlertCardConfiguration : IEntityTypeConfiguration<StaffAlertCard>
{
    public void Configure(EntityTypeBuilder<StaffAlertCard> builder)
    {
        builder.ToTable("StaffAlertCards");
        builder.HasKey(card => card.AlertId);
        builder.Property(card => card.ServiceUrl).HasMaxLength(500).IsRequired();
        builder.Property(card => card.ConversationId).HasMaxLength(500).IsRequired();
        builder.Property(card => card.ActivityId).HasMaxLength(200);
        builder.HasOne<StaffAlert>().WithOne().HasForeignKey<StaffAlertCard>(card => card.AlertId).OnDelete(DeleteBehavior.Cascade);
    }
}
