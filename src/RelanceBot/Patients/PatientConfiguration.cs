using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RelanceBot.Intake;
using RelanceBot.Practices;

namespace RelanceBot.Patients;

internal sealed class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    public void Configure(EntityTypeBuilder<Patient> builder)
    {
        builder.ToTable("Patients");
        builder.HasKey(patient => patient.Id);
        builder.Property(patient => patient.Id).ValueGeneratedNever();
        builder.Property(patient => patient.ExternalReference).HasMaxLength(ExternalReference.MaxLength).IsRequired();
        builder.Property(patient => patient.FirstName).HasMaxLength(PatientRules.MaxNameLength).IsRequired();
        builder.Property(patient => patient.LastName).HasMaxLength(PatientRules.MaxNameLength).IsRequired();
        builder.Property(patient => patient.PhoneE164).HasMaxLength(16);
        builder.Property(patient => patient.Email).HasMaxLength(PatientRules.MaxEmailLength);
        builder.Property(patient => patient.PostalAddress).HasMaxLength(PatientRules.MaxPostalAddressLength);
        builder.Property(patient => patient.Language).HasMaxLength(2).IsRequired();
        builder.Property(patient => patient.Version).IsConcurrencyToken();
        builder.Ignore(patient => patient.IsActive);
        builder.HasIndex(patient => new { patient.PracticeId, patient.ExternalReference }).IsUnique();
        builder.HasOne<Practice>().WithMany().HasForeignKey(patient => patient.PracticeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(patient => patient.Channels)
            .WithOne()
            .HasForeignKey(channel => channel.PatientId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(patient => patient.Channels).AutoInclude();
    }
}
