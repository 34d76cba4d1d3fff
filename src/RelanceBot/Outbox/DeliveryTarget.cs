using RelanceBot.Patients;

namespace RelanceBot.Outbox;

/// <summary>
/// Where a message goes: a stored conversation, a conversation the bot must open (Teams 1:1, SMS channel), or an
/// e-mail address. <see cref="PatientChannelId"/> ties it to the patient's channel, whose opt-out is checked at send.
/// </summary>
public sealed record DeliveryTarget
{
    public const string TeamsChannelId = "msteams";
    public const string SmsChannelId = "sms";

    private DeliveryTarget()
    {
    }

    public Guid? PatientChannelId { get; private init; }

    public Guid? ConversationReferenceId { get; private init; }

    /// <summary>Bot Framework channel id of a conversation to create: <see cref="TeamsChannelId"/> or <see cref="SmsChannelId"/>.</summary>
    public string? RecipientChannelId { get; private init; }

    /// <summary>Teams user id (29:…) or E.164 phone number of the conversation to create.</summary>
    public string? RecipientId { get; private init; }

    public string? RecipientTenantId { get; private init; }

    public string? EmailAddress { get; private init; }

    public DeliveryChannel Channel => EmailAddress is null ? DeliveryChannel.Chat : DeliveryChannel.Email;

    public static DeliveryTarget Conversation(Guid conversationReferenceId) =>
        new() { ConversationReferenceId = conversationReferenceId };

    public static DeliveryTarget TeamsUser(string userId, string tenantId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        return new() { RecipientChannelId = TeamsChannelId, RecipientId = userId, RecipientTenantId = tenantId };
    }

    public static DeliveryTarget SmsNumber(string phoneE164)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phoneE164);
        return new() { RecipientChannelId = SmsChannelId, RecipientId = phoneE164 };
    }

    public static DeliveryTarget Email(string address)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        return new() { EmailAddress = address };
    }

    /// <summary>The patient's channel: its conversation, its phone number through the SMS channel, or its e-mail.</summary>
    public static DeliveryTarget ForPatientChannel(PatientChannel channel)
    {
        var target = channel.Kind switch
        {
            ChannelKind.Chat when channel.ConversationReferenceId is { } reference => Conversation(reference),
            ChannelKind.Sms when channel.Address is { } phone => SmsNumber(phone),
            ChannelKind.Email when channel.Address is { } address => Email(address),
            _ => throw new ArgumentException($"The {channel.Kind} channel {channel.Id} has no address.", nameof(channel)),
        };
        return target with { PatientChannelId = channel.Id };
    }

    internal static DeliveryTarget Restore(
        Guid? patientChannelId,
        Guid? conversationReferenceId,
        string? recipientChannelId,
        string? recipientId,
        string? recipientTenantId,
        string? emailAddress) => new()
    {
        PatientChannelId = patientChannelId,
        ConversationReferenceId = conversationReferenceId,
        RecipientChannelId = recipientChannelId,
        RecipientId = recipientId,
        RecipientTenantId = recipientTenantId,
        EmailAddress = emailAddress,
    };
}
