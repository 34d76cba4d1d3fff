using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RelanceBot.Patients;

namespace RelanceBot.Conversations;

internal sealed class ConversationReferenceRecordConfiguration : IEntityTypeConfiguration<ConversationReferenceRecord>
{
    public void Configure(EntityTypeBuilder<ConversationReferenceRecord> builder)
    {
        builder.ToTable("ConversationReferences");
        builder.HasKey(reference => reference.Id);
        builder.Property(reference => reference.Id).ValueGeneratedNever();
        builder.Property(reference => reference.ChannelId).HasMaxLength(64).IsRequired();
        builder.Property(reference => reference.ConversationId).HasMaxLength(512).IsRequired();
        builder.Property(reference => reference.ServiceUrl).HasMaxLength(512).IsRequired();
        builder.Property(reference => reference.TenantId).HasMaxLength(64);
        builder.Property(reference => reference.ConversationType).HasMaxLength(32);
        builder.Property(reference => reference.UserId).HasMaxLength(256);
        builder.Property(reference => reference.UserName).HasMaxLength(256);
        builder.Property(reference => reference.UserAadObjectId).HasMaxLength(64);
        builder.Property(reference => reference.BotId).HasMaxLength(256);
        builder.Property(reference => reference.BotName).HasMaxLength(256);
        builder.Property(reference => reference.Locale).HasMaxLength(16);
        builder.Property(reference => reference.ReferenceJson).IsRequired();
        builder.HasIndex(reference => new { reference.ChannelId, reference.ConversationId }).IsUnique();
        builder.HasIndex(reference => reference.PatientId);
        builder.HasOne<Patient>().WithMany().HasForeignKey(reference => reference.PatientId).OnDelete(DeleteBehavior.SetNull);
    }
}
