using Microsoft.AspNetCore.Http;

namespace RelanceBot.BotFramework.DirectLine;

/// <summary>
/// Errors as problem+json, each also carrying Azure Direct Line's <c>error: {code, message}</c> so clients written for
/// Azure read them. DirectLineJS only looks at the status: 403 means "token expired", 404 "conversation ended".
/// </summary>
internal static class DirectLineProblems
{
    public static IResult MissingToken() => Problem(
        StatusCodes.Status401Unauthorized, "MissingToken", "Send 'Authorization: Bearer <token or secret>'.");

    public static IResult InvalidToken() => Problem(
        StatusCodes.Status403Forbidden, "TokenInvalid", "The token is not a valid Direct Line token.");

    public static IResult ExpiredToken() => Problem(
        StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired; start a new conversation.");

    public static IResult OtherConversation() => Problem(
        StatusCodes.Status403Forbidden, "TokenConversationMismatch", "The token is for another conversation.");

    public static IResult SecretRequired() => Problem(
        StatusCodes.Status403Forbidden, "SecretRequired", "Only the Direct Line secret can generate tokens.");

    public static IResult TokenRequired() => Problem(
        StatusCodes.Status400BadRequest, "BadArgument", "Refresh needs a conversation token, not the secret.");

    public static IResult ConversationNotFound() => Problem(
        StatusCodes.Status404NotFound, "ConversationNotFound", "The conversation does not exist or has expired.");

    public static IResult BadArgument(string detail) => Problem(StatusCodes.Status400BadRequest, "BadArgument", detail);

    public static IResult BotRejectedActivity() => Problem(
        StatusCodes.Status502BadGateway, "BotRejectedActivity", "The bot failed to process the activity.");

    public static IResult Problem(int status, string code, string detail) => Results.Problem(
        detail: detail,
        statusCode: status,
        title: code,
        extensions: new Dictionary<string, object?> { ["error"] = new { code, message = detail } });
}
