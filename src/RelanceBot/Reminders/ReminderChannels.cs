using RelanceBot.Patients;

namespace RelanceBot.Reminders;

/// <summary>Picks the patient channel a message step uses, among those the patient did not opt out of.</summary>
public static class ReminderChannels
{
    // When the patient states no preference: the conversation they know, then their phone, then their mailbox.
    private static readonly ChannelKind[] DefaultOrder = [ChannelKind.Chat, ChannelKind.Sms, ChannelKind.Email];

    /// <summary>The channel to use, or null when none is usable (staff must then be told).</summary>
    public static PatientChannel? Choose(Patient patient, ChannelPreference preference, ChannelKind? previousChannel)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var usable = patient.IsActive
            ? patient.Channels.Where(IsUsable)
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

    private static bool IsUsable(PatientChannel channel) =>
        !channel.IsOptedOut && (channel.Address is not null || channel.ConversationReferenceId is not null);
}
