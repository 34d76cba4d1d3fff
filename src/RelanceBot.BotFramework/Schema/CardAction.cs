using System.Text.Json;

namespace RelanceBot.BotFramework.Schema;

/// <summary>A button: <c>imBack</c>, <c>postBack</c>, <c>messageBack</c>, <c>openUrl</c>...</summary>
public sealed record CardAction
{
    public string? Type { get; init; }
    public string? Title { get; init; }
    public string? Image { get; init; }
    public string? Text { get; init; }
    public string? DisplayText { get; init; }
    public JsonElement? Value { get; init; }
    public JsonElement? ChannelData { get; init; }
}
