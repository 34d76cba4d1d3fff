using RelanceBot.Patients;

namespace RelanceBot.Outbox;

/// <summary>
/// Where a message goes: a stored conversation, a conversation the bot must open (Teams 1:1), a phone number (SMS
/// through the SMS provider), or an e-mail address. <see cref="PatientChannelId"/> ties it to the patient's channel, whose opt-out is checked at send.
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

    /// <summary><see cref="TeamsChannelId"/> for a Teams conversation to create, <see cref="SmsChannelId"/> for a text message.</summary>
    public string? RecipientChannelId { get; private init; }

    /// <summary>Teams user id (29:…) or E.164 phone number of the conversation to create.</summary>
    public string? RecipientId { get; private init; }

    public string? RecipientTenantId { get; private init; }

    public string? EmailAddress { get; private init; }

    public DeliveryChannel Channel => EmailAddress is not null ? DeliveryChannel.Email
        : RecipientChannelId == SmsChannelId ? DeliveryChannel.Sms
        : DeliveryChannel.Chat;

    public static DeliveryTarget Conversation(Guid conversationReferenceId) =>
        new() { ConversationReferenceId = conversationReferenceId };

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

    /// <summary>The patient's channel: its conversation, its phone number, or its e-mail.</summary>
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
