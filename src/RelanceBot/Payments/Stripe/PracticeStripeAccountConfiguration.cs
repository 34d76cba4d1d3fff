using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RelanceBot.Practices;

namespace RelanceBot.Payments.Stripe;

internal sealed class PracticeStripeAccountConfiguration : IEntityTypeConfiguration<PracticeStripeAccount>
{
    public void Configure(EntityTypeBuilder<PracticeStripeAccount> builder)
    {
        builder.ToTable("PracticeStripeAccounts");
        builder.HasKey(account => account.Id);
        builder.Property(account => account.Id).ValueGeneratedNever();
        builder.Property(account => account.AccountId).HasMaxLength(255).IsRequired();
        builder.HasIndex(account => account.PracticeId).IsUnique();
        builder.HasIndex(account => account.AccountId).IsUnique();
        builder.HasOne<Practice>().WithMany().HasForeignKey(account => account.PracticeId).OnDelete(DeleteBehavior.Cascade);
    }
}
