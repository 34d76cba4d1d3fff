using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RelanceBot.Conversations;

namespace RelanceBot.Patients;

internal sealed class PatientChannelConfiguration : IEntityTypeConfiguration<PatientChannel>
{
    public void Configure(EntityTypeBuilder<PatientChannel> builder)
    {
        builder.ToTable("PatientChannels");
        builder.HasKey(channel => channel.Id);
        builder.Property(channel => channel.Id).ValueGeneratedNever();
        builder.Property(channel => channel.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(channel => channel.Address).HasMaxLength(PatientRules.MaxEmailLength);
        builder.Property(channel => channel.OptOutReason).HasMaxLength(500);
        builder.Ignore(channel => channel.IsOptedOut);
        builder.HasIndex(channel => new { channel.Kind, channel.Address });
        builder.HasOne<ConversationReferenceRecord>()
            .WithMany()
            .HasForeignKey(channel => channel.ConversationReferenceId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
