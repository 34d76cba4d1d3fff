using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RelanceBot.Practices;

namespace RelanceBot.Plans;

internal sealed class PracticePlanLimitsConfiguration : IEntityTypeConfiguration<PracticePlanLimits>
{
    public void Configure(EntityTypeBuilder<PracticePlanLimits> builder)
    {
        builder.ToTable("PracticePlanLimits");
        builder.HasKey(limits => limits.Id);
        builder.Property(limits => limits.Id).ValueGeneratedNever();
        builder.HasIndex(limits => limits.PracticeId).IsUnique();
        builder.HasOne<Practice>().WithMany().HasForeignKey(limits => limits.PracticeId).OnDelete(DeleteBehavior.Cascade);
    }
}
