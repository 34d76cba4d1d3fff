using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RelanceBot.Invoices;
using RelanceBot.Patients;

namespace RelanceBot.Conversations;

internal sealed class ConversationLinkTokenConfiguration : IEntityTypeConfiguration<ConversationLinkToken>
{
    public void Configure(EntityTypeBuilder<ConversationLinkToken> builder)
    {
        builder.ToTable("ConversationLinkTokens");
        builder.HasKey(token => token.Id);
        builder.Property(token => token.Id).ValueGeneratedNever();
        builder.Property(token => token.TokenHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(token => token.TokenHash).IsUnique();
        // Single use: with UsedAt as concurrency token, two racing redemptions of one token cannot both be saved.
        builder.Property(token => token.UsedAt).IsConcurrencyToken();
        builder.HasOne<Patient>().WithMany().HasForeignKey(token => token.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Invoice>().WithMany().HasForeignKey(token => token.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        // Null until the token is used: the sweep issues thousands per batch, none of which needs an entry here.
        builder.HasIndex(token => token.UsedByConversationReferenceId).HasFilter("\"UsedByConversationReferenceId\" IS NOT NULL");
        builder.HasOne<ConversationReferenceRecord>()
            .WithMany()
            .HasForeignKey(token => token.UsedByConversationReferenceId)
            .OnDelete(DeleteBehavior.SetNull);
    }
}
