using System.ComponentModel.DataAnnotations;

namespace RelanceBot.Conversations.Flows;

/// <summary>The patient conversation's limits (section <c>Conversations</c>).</summary>
public sealed class ConversationOptions
{
    public const string SectionName = "Conversations";

    /// <summary>An unanswered question is dropped after this long: the next message starts afresh.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan DialogLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>The furthest payment date the bot may agree to on the practice's behalf.</summary>
    [Range(1, 365)]
    public int MaxDeferralDays { get; set; } = 30;

    /// <summary>Reminders wait this long for staff to check a payment the patient says they made.</summary>
    [Range(1, 90)]
    public int AlreadyPaidPauseDays { get; set; } = 14;

    /// <summary>Reminders wait this long for staff to look at a hardship or a call-back request.</summary>
    [Range(1, 90)]
    public int StaffReviewPauseDays { get; set; } = 14;

    /// <summary>Failed identity checks allowed per conversation, per surname and per patient of a practice.</summary>
    [Range(1, 20)]
    public int IdentityMaxAttempts { get; set; } = 5;

    /// <summary>How long failed identity checks keep counting towards <see cref="IdentityMaxAttempts"/>.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan IdentityAttemptWindow { get; set; } = TimeSpan.FromHours(24);

    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan IdentityLockDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Several instances (PostgreSQL): how long a turn waits for the same conversation's turn on another instance
    /// before it asks the patient to send the message again.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan TurnLockTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
