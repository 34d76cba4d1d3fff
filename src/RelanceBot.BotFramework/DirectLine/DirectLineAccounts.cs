using Microsoft.Extensions.Options;
using RelanceBot.BotFramework.Schema;

namespace RelanceBot.BotFramework.DirectLine;

/// <summary>The channel id and the bot's account on the built-in Direct Line channel.</summary>
internal sealed class DirectLineAccounts(IOptions<DirectLineOptions> options)
{
    public const string ChannelId = "directline";

    public ChannelAccount Bot { get; } = new() { Id = options.Value.BotId, Name = options.Value.BotName, Role = "bot" };
}
