namespace RelanceBot.Patients;

public sealed record PatientChannelResponse(ChannelKind Kind, string? Address, bool IsPreferred, DateTimeOffset? OptedOutAt)
{
    public static PatientChannelResponse From(PatientChannel channel) =>
        new(channel.Kind, channel.Address, channel.IsPreferred, channel.OptedOutAt);
}
