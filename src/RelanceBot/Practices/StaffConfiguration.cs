using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RelanceBot.Practices;

internal sealed class StaffConfiguration : IEntityTypeConfiguration<Staff>
{
    public void Configure(EntityTypeBuilder<Staff> builder)
    {
        builder.ToTable("Staff");
        builder.HasKey(staff => staff.Id);
        builder.Property(staff => staff.Id).ValueGeneratedNever();
        builder.Property(staff => staff.Name).HasMaxLength(200).IsRequired();
        builder.Property(staff => staff.AadObjectId).HasMaxLength(64).IsRequired();
        builder.Property(staff => staff.Role).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(staff => new { staff.PracticeId, staff.AadObjectId }).IsUnique();
        builder.HasOne<Practice>().WithMany().HasForeignKey(staff => staff.PracticeId).OnDelete(DeleteBehavior.Cascade);
    }
}
