using System.Text.Json.Serialization;

namespace RelanceBot.Patients;

public sealed record PatientChannelResponse(
    [property: JsonConverter(typeof(JsonStringEnumConverter<ChannelKind>))] ChannelKind Kind, string? Address, bool IsPreferred, DateTimeOffset? OptedOutAt)
{
    public static PatientChannelResponse From(PatientChannel channel) =>
        new(channel.Kind, channel.Address, channel.IsPreferred, channel.OptedOutAt);
}
