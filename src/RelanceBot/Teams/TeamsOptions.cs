using System.ComponentModel.DataAnnotations;

namespace RelanceBot.Teams;

/// <summary>The <c>Teams</c> configuration section.</summary>
public sealed class TeamsOptions
{
    public const string Section = "Teams";

    /// <summary>How long a channel link code stays usable.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan LinkCodeLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Local time at which each practice gets its daily digest.</summary>
    public TimeOnly DigestTime { get; set; } = new(8, 30);
}
