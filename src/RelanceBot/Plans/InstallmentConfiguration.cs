using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RelanceBot.Plans;

internal sealed class InstallmentConfiguration : IEntityTypeConfiguration<Installment>
{
    public void Configure(EntityTypeBuilder<Installment> builder)
    {
        builder.ToTable("Installments");
        builder.HasKey(installment => installment.Id);
        builder.Property(installment => installment.Id).ValueGeneratedNever();
        builder.Property(installment => installment.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(installment => installment.LastFailureCode).HasMaxLength(100);
        builder.Ignore(installment => installment.IsPaid);
        builder.HasIndex(installment => new { installment.PlanId, installment.Number }).IsUnique();
        builder.HasIndex(installment => new { installment.Status, installment.DueDate });
    }
}
