using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RelanceBot.Practices;

namespace RelanceBot.Teams.Linking;

internal sealed class TeamsLinkCodeConfiguration : IEntityTypeConfiguration<TeamsLinkCode>
{
    public void Configure(EntityTypeBuilder<TeamsLinkCode> builder)
    {
        builder.ToTable("TeamsLinkCodes");
        builder.HasKey(code => code.Id);
        builder.Property(code => code.Id).ValueGeneratedNever();
        builder.Property(code => code.CodeHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(code => code.CodeHash).IsUnique();
        builder.Property(code => code.RedeemedBy).HasMaxLength(64);
        builder.HasOne<Practice>().WithMany().HasForeignKey(code => code.PracticeId).OnDelete(DeleteBehavior.Cascade);
    }
}
