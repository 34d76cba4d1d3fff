namespace RelanceBot.Reminders;

/// <summary>Which of the patient's channels a message step uses. Stored by name.</summary>
public enum ChannelPreference
{
    /// <summary>The patient's preferred channel, else the first usable one (chat, SMS, e-mail).</summary>
    Preferred,

    /// <summary>A usable channel other than the one the previous reminder went to, so reminders alternate.</summary>
    Alternate,

    Sms,
    Email,
    Chat,
}
