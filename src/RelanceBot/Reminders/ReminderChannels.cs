using RelanceBot.Patients;

namespace RelanceBot.Reminders;

/// <summary>
/// Picks the patient channel a message step uses, among those that reach the patient later: not opted out, with an
/// address or a Teams conversation (a Web Chat tab never becomes one), SMS only when an SMS provider is configured.
/// </summary>
public static class ReminderChannels
{
    // When the patient states no preference: the Teams conversation they know, then their phone, then their mailbox.
    private static readonly ChannelKind[] DefaultOrder = [ChannelKind.Chat, ChannelKind.Sms, ChannelKind.Email];

    /// <summary>The channel to use, or null when none is usable (staff must then be told).</summary>
    /// <param name="smsEnabled">Whether an SMS provider is configured: without one a phone number reaches nobody.</param>
    public static PatientChannel? Choose(Patient patient, ChannelPreference preference, ChannelKind? previousChannel, bool smsEnabled)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var usable = patient.IsActive
            ? patient.Channels.Where(channel => IsUsable(channel, smsEnabled))
                .OrderByDescending(channel => channel.IsPreferred)
                .ThenBy(channel => Array.IndexOf(DefaultOrder, channel.Kind))
                .ToList()
            : [];

        var chosen = preference switch
        {
            ChannelPreference.Alternate => usable.FirstOrDefault(channel => channel.Kind != previousChannel),
            ChannelPreference.Sms => usable.FirstOrDefault(channel => channel.Kind == ChannelKind.Sms),
            ChannelPreference.Email => usable.FirstOrDefault(channel => channel.Kind == ChannelKind.Email),
            ChannelPreference.Chat => usable.FirstOrDefault(channel => channel.Kind == ChannelKind.Chat),
            _ => null,
        };

        // An opted-out or missing channel never silences the others.
        return chosen ?? usable.FirstOrDefault();
    }

    /// <summary>Whether a message can go out on <paramref name="channel"/> (also the outbox fallback's rule).</summary>
    public static bool IsUsable(PatientChannel channel, bool smsEnabled)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return !channel.IsOptedOut && channel.Kind switch
        {
            ChannelKind.Sms => smsEnabled && channel.Address is not null,
            ChannelKind.Chat => channel.ConversationReferenceId is not null,
            _ => channel.Address is not null,
        };
    }
}
