using RelanceBot.Practices;

namespace RelanceBot.Teams.Linking;

public sealed record TeamsLinkOutcome(TeamsLinkResult Result, Practice? Practice);
