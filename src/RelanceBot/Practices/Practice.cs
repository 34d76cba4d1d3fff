using RelanceBot.Auditing;
using RelanceBot.Conversations.Messages;
using RelanceBot.Persistence;

namespace RelanceBot.Practices;

/// <summary>A healthcare practice (cabinet) whose unpaid invoices the bot chases.</summary>
public sealed class Practice : IAuditable, IConcurrencyVersioned
{
    public const string DefaultTimeZoneId = "Europe/Paris";

    public const int MaxOpeningHoursLength = 120;

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string PractitionerName { get; private set; } = "";

    /// <summary>IANA time zone used for quiet hours and calendar days.</summary>
    public string TimeZoneId { get; private set; } = DefaultTimeZoneId;

    /// <summary>E.164 phone number shown to patients, if any.</summary>
    public string? Phone { get; private set; }

    /// <summary>The practice's postal address (letterhead of its letters): lines separated by line breaks.</summary>
    public string? PostalAddress { get; private set; }

    /// <summary>When patients can reach the practice, as it writes it ("du lundi au vendredi, de 9 h à 18 h"); shown verbatim.</summary>
    public string? OpeningHours { get; private set; }

    /// <summary>
    /// The language its staff read (alert summaries, Teams cards, the digest, the preview's notes, letters' staff texts),
    /// with that language's formats; patients read their own.
    /// </summary>
    public BotLanguage Language { get; private set; } = BotLanguage.French;

    /// <summary>The stored Teams conversation where staff alerts are posted.</summary>
    public Guid? TeamsAlertChannelReferenceId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    [NotAudited]
    public Guid Version { get; private set; }

    Guid? IAuditable.AuditPracticeId => Id;

    private Practice()
    {
    }

    public static Practice Create(
        string name, string practitionerName, string timeZoneId, string? phone, DateTimeOffset now, string? postalAddress = null, string? openingHours = null,
        BotLanguage language = BotLanguage.French)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(practitionerName);
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZoneId);
        return new Practice
        {
            Id = Guid.CreateVersion7(now),
            Name = name.Trim(),
            PractitionerName = practitionerName.Trim(),
            TimeZoneId = timeZoneId,
            Phone = phone,
            PostalAddress = postalAddress,
            OpeningHours = openingHours,
            Language = language,
            CreatedAt = now,
        };
    }

    public void UseLanguage(BotLanguage language) => Language = language;

    public void UseTeamsAlertChannel(Guid conversationReferenceId) => TeamsAlertChannelReferenceId = conversationReferenceId;

    /// <summary>Staff unlinked the channel: alerts wait, unposted, until a channel is linked again.</summary>
    public void StopTeamsAlerts() => TeamsAlertChannelReferenceId = null;
}
