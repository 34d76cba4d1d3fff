using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RelanceBot.Conversations;
using RelanceBot.Conversations.Messages;
using RelanceBot.Patients;

namespace RelanceBot.Practices;

internal sealed class PracticeConfiguration : IEntityTypeConfiguration<Practice>
{
    public void Configure(EntityTypeBuilder<Practice> builder)
    {
        builder.ToTable("Practices");
        builder.HasKey(practice => practice.Id);
        builder.Property(practice => practice.Id).ValueGeneratedNever();
        builder.Property(practice => practice.Name).HasMaxLength(200).IsRequired();
        builder.Property(practice => practice.PractitionerName).HasMaxLength(200).IsRequired();
        builder.Property(practice => practice.TimeZoneId).HasMaxLength(64).IsRequired();
        builder.Property(practice => practice.Phone).HasMaxLength(16);
        builder.Property(practice => practice.PostalAddress).HasMaxLength(PatientRules.MaxPostalAddressLength);
        builder.Property(practice => practice.OpeningHours).HasMaxLength(Practice.MaxOpeningHoursLength);
        builder.Property(practice => practice.Language)
            .HasConversion(language => language.Code(), code => BotLanguages.FromCode(code) ?? BotLanguage.French)
            .HasMaxLength(2)
            .IsRequired();
        builder.Property(practice => practice.Version).IsConcurrencyToken();
        builder.HasOne<ConversationReferenceRecord>()
            .WithMany()
            .HasForeignKey(practice => practice.TeamsAlertChannelReferenceId)
            .OnDelete(DeleteBehavior.SetNull);
    }
}
