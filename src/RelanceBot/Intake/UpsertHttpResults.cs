using RelanceBot.Persistence;

namespace RelanceBot.Intake;

/// <summary>Turns an upsert outcome into the HTTP answer, saving the staged change first when the input was accepted.</summary>
internal static class UpsertHttpResults
{
    public static async Task<IResult> SaveAsync<T>(
        RelanceBotDbContext db,
        UpsertResult<T> result,
        Func<T, object> toResponse,
        string location,
        CancellationToken cancellationToken)
        where T : class
    {
        switch (result.Status)
        {
            case UpsertStatus.Invalid:
                return Results.ValidationProblem(result.Errors.ToDictionary());
            case UpsertStatus.Conflict:
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: result.ConflictReason);
        }

        if (!await db.TrySaveChangesAsync(cancellationToken))
        {
            return ConcurrentChange();
        }

        var body = toResponse(result.Entity!);
        return result.Status == UpsertStatus.Created ? Results.Created(location, body) : Results.Ok(body);
    }

    public static IResult ConcurrentChange() => Results.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Concurrent change",
        detail: "The same resource was changed by another request at the same time; retry.");

    public static IResult NotFound(string what, string reference) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Not found",
        detail: $"No {what} with reference '{reference}'.");
}
