namespace RelanceBot.Patients;

public enum ChannelKind
{
    /// <summary>A Bot Framework conversation (Web Chat, Teams…), addressed by a stored conversation reference.</summary>
    Chat,
    Sms,
    Email,
}
