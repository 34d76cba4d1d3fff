namespace RelanceBot.ScaleOut;

/// <summary>Which instance runs a scheduled job's period (PostgreSQL only): one row per job.</summary>
public sealed class JobLease
{
    public required string JobName { get; init; }

    /// <summary>The start of the last period an instance took.</summary>
    public DateTimeOffset Period { get; set; }

    public Guid Holder { get; set; }

    /// <summary>Until when the run holds the job; set to its end when it finishes.</summary>
    public DateTimeOffset LeaseUntil { get; set; }
}
