using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RelanceBot.Auditing;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(entry => entry.Id);
        builder.Property(entry => entry.Id).ValueGeneratedOnAdd();
        builder.Property(entry => entry.EntityType).HasMaxLength(100).IsRequired();
        builder.Property(entry => entry.EntityId).HasMaxLength(100).IsRequired();
        builder.Property(entry => entry.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(entry => entry.Actor).HasMaxLength(200).IsRequired();
        builder.Property(entry => entry.Changes).IsRequired();
        builder.HasIndex(entry => new { entry.PracticeId, entry.OccurredAt });
        builder.HasIndex(entry => new { entry.EntityType, entry.EntityId });
    }
}
