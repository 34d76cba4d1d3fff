using Microsoft.EntityFrameworkCore;

namespace RelanceBot.ScaleOut;

/// <summary>The tables only several instances need: part of the PostgreSQL model, not of SQLite's.</summary>
internal static class ScaleOutModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<ProcessedActivity>(activity =>
        {
            activity.ToTable("ProcessedActivities");
            activity.HasKey(row => row.KeyHash);
            activity.HasIndex(row => row.ExpiresAt);
        });
        model.Entity<JobLease>(lease =>
        {
            lease.ToTable("JobLeases");
            lease.HasKey(row => row.JobName);
            lease.Property(row => row.JobName).HasMaxLength(100);
        });
    }
}
