using RelanceBot.BotFramework.Schema;

namespace RelanceBot.BotFramework.DirectLine;

/// <summary>
/// A Direct Line conversation: the one user it is bound to (every activity posted in it comes <c>from</c> this account,
/// whatever the client says), the app's opaque <see cref="Binding"/>, and the locale the client started it with.
/// </summary>
public sealed record DirectLineConversation(string Id, ChannelAccount User, string? Binding, string? Locale);

/// <summary>Activities after a watermark, and the watermark to ask from next (Direct Line's <c>ActivitySet</c>).</summary>
public sealed record ActivitySet(IReadOnlyList<Activity> Activities, string Watermark);

/// <summary>What <see cref="IDirectLineStore.AppendAsync"/> did: the stored activity, or the one already stored under the same client id.</summary>
public sealed record AppendedActivity(Activity Activity, bool AlreadyStored);
