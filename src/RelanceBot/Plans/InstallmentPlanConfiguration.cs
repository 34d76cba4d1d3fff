using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RelanceBot.Alerts;
using RelanceBot.Invoices;
using RelanceBot.Patients;
using RelanceBot.Practices;

namespace RelanceBot.Plans;

internal sealed class InstallmentPlanConfiguration : IEntityTypeConfiguration<InstallmentPlan>
{
    public void Configure(EntityTypeBuilder<InstallmentPlan> builder)
    {
        builder.ToTable("InstallmentPlans");
        builder.HasKey(plan => plan.Id);
        builder.Property(plan => plan.Id).ValueGeneratedNever();
        builder.Property(plan => plan.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(plan => plan.PatientWords).HasMaxLength(2000).IsRequired();
        builder.Property(plan => plan.DecidedBy).HasMaxLength(200);
        builder.Property(plan => plan.StripeCustomerId).HasMaxLength(255);
        builder.Property(plan => plan.StripePaymentMethodId).HasMaxLength(255);
        builder.Property(plan => plan.EndReason).HasMaxLength(200);
        builder.Property(plan => plan.Version).IsConcurrencyToken();
        builder.Ignore(plan => plan.IsLive);
        builder.Ignore(plan => plan.NextDue);
        builder.HasIndex(plan => new { plan.InvoiceId, plan.Status });
        builder.HasIndex(plan => plan.Status);
        builder.HasMany(plan => plan.Installments).WithOne().HasForeignKey(installment => installment.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(plan => plan.Installments).AutoInclude();
        builder.HasOne<Practice>().WithMany().HasForeignKey(plan => plan.PracticeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Invoice>().WithMany().HasForeignKey(plan => plan.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Patient>().WithMany().HasForeignKey(plan => plan.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffAlert>().WithMany().HasForeignKey(plan => plan.ApprovalAlertId).OnDelete(DeleteBehavior.SetNull);
    }
}
