namespace RelanceBot.BotFramework.Schema;

/// <summary>The answer to an <c>invoke</c>: <see cref="Status"/> becomes the HTTP status, <see cref="Body"/> the JSON body.</summary>
public sealed record InvokeResponse(int Status, object? Body = null);
