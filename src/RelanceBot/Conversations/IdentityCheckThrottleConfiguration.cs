using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RelanceBot.Practices;

namespace RelanceBot.Conversations;

internal sealed class IdentityCheckThrottleConfiguration : IEntityTypeConfiguration<IdentityCheckThrottle>
{
    public void Configure(EntityTypeBuilder<IdentityCheckThrottle> builder)
    {
        builder.ToTable("IdentityCheckThrottles");
        builder.HasKey(throttle => throttle.Id);
        builder.Property(throttle => throttle.Id).ValueGeneratedNever();
        builder.Property(throttle => throttle.Subject).HasMaxLength(100).IsRequired();
        builder.Property(throttle => throttle.Version).IsConcurrencyToken();
        // One counter per subject: two conversations failing at once race on this index, and the loser's turn retries.
        builder.HasIndex(throttle => new { throttle.PracticeId, throttle.Subject }).IsUnique();
        builder.HasOne<Practice>().WithMany().HasForeignKey(throttle => throttle.PracticeId).OnDelete(DeleteBehavior.Cascade);
    }
}
