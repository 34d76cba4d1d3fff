namespace RelanceBot.BotFramework.Schema;

/// <summary>
/// Response body for <c>deliveryMode: expectReplies</c>. <see cref="Body"/> carries the invoke body when the
/// activity was also an invoke (Agents SDK behaviour).
/// </summary>
public sealed record ExpectedReplies(IReadOnlyList<Activity> Activities, object? Body = null);
