namespace RelanceBot.Teams.Linking;

public enum TeamsLinkResult
{
    Linked,
    Unlinked,
    InvalidCode,
    NotStaff,
    ChannelTaken,
    NotLinked,
}
