using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RelanceBot.Practices;

internal sealed class PracticeApiKeyConfiguration : IEntityTypeConfiguration<PracticeApiKey>
{
    public void Configure(EntityTypeBuilder<PracticeApiKey> builder)
    {
        builder.ToTable("PracticeApiKeys");
        builder.HasKey(key => key.Id);
        builder.Property(key => key.Id).ValueGeneratedNever();
        builder.Property(key => key.KeyHash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(key => key.Prefix).HasMaxLength(16).IsRequired();
        builder.Ignore(key => key.IsRevoked);
        builder.HasIndex(key => key.KeyHash).IsUnique();
        builder.HasOne<Practice>().WithMany().HasForeignKey(key => key.PracticeId).OnDelete(DeleteBehavior.Cascade);
    }
}
