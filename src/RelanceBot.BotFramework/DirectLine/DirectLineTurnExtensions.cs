using System.Security.Claims;
using System.Text.Json;
using RelanceBot.BotFramework.Authentication;
using RelanceBot.BotFramework.Hosting;

namespace RelanceBot.BotFramework.DirectLine;

public static class DirectLineTurnExtensions
{
    /// <summary>The <c>channelData</c> property that carries the app's binding; the channel overwrites whatever a client put there.</summary>
    public const string BindingProperty = "binding";

    /// <summary>The caller of every turn the built-in channel runs: no token was checked, the channel itself is the caller.</summary>
    internal static BotCallerIdentity Caller { get; } = new(new ClaimsIdentity(authenticationType: "RelanceBot.DirectLine"), null, IsAnonymous: false);

    /// <summary>True when the turn came through the built-in Direct Line endpoint (not Azure's Direct Line, also <c>directline</c>).</summary>
    public static bool IsBuiltInDirectLine(this ITurnContext turn) => ReferenceEquals(turn.Caller, Caller);

    /// <summary>
    /// The binding the app gave when it created this built-in Direct Line conversation
    /// (<see cref="DirectLineConversations.CreateAsync"/>); null for any other turn, where a client could have written
    /// <c>channelData.binding</c> itself.
    /// </summary>
    public static string? GetDirectLineBinding(this ITurnContext turn)
        => turn.IsBuiltInDirectLine()
            && turn.Activity.ChannelData is { ValueKind: JsonValueKind.Object } data
            && data.TryGetProperty(BindingProperty, out var binding)
            && binding.ValueKind == JsonValueKind.String
                ? binding.GetString()
                : null;
}
