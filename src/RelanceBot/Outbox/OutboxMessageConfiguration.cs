using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RelanceBot.Practices;

namespace RelanceBot.Outbox;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasKey(message => message.Id);
        builder.Property(message => message.Id).ValueGeneratedNever();
        builder.Property(message => message.IdempotencyKey).HasMaxLength(400).IsRequired();
        builder.Property(message => message.Purpose).HasConversion<string>().HasMaxLength(40);
        builder.Property(message => message.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(message => message.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(message => message.RecipientChannelId).HasMaxLength(40);
        builder.Property(message => message.RecipientId).HasMaxLength(200);
        builder.Property(message => message.RecipientTenantId).HasMaxLength(100);
        builder.Property(message => message.EmailAddress).HasMaxLength(320);
        builder.Property(message => message.ChannelMessageId).HasMaxLength(400);
        builder.Property(message => message.LastError).HasMaxLength(OutboxMessage.MaxErrorLength);
        // Content is written once and never changed, so reference comparison is enough for change tracking.
        builder.Property(message => message.Content)
            .HasColumnName("ContentJson")
            .HasConversion(
                content => JsonSerializer.Serialize(content, OutboxContentJson.Default.OutboxContent),
                json => JsonSerializer.Deserialize(json, OutboxContentJson.Default.OutboxContent)!)
            .IsRequired();
        builder.Ignore(message => message.Target);

        builder.HasIndex(message => message.IdempotencyKey).IsUnique();
        // The dispatcher's claim: pending and due, or sending with an expired lease.
        builder.HasIndex(message => new { message.Status, message.NextAttemptAt });
        // Mostly null (only messages being sent have a lease, only fallbacks an original): the sweep writes thousands
        // of messages per batch, and each indexed null would cost it a B-tree insert.
        builder.HasIndex(message => message.LeaseOwner).HasFilter("\"LeaseOwner\" IS NOT NULL");
        builder.HasIndex(message => message.OriginalMessageId).HasFilter("\"OriginalMessageId\" IS NOT NULL");
        builder.HasOne<Practice>().WithMany().HasForeignKey(message => message.PracticeId).OnDelete(DeleteBehavior.Cascade);
    }
}
