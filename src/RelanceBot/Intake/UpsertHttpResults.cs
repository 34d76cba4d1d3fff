using RelanceBot.Persistence;

namespace RelanceBot.Intake;

/// <summary>Turns an upsert outcome into the HTTP answer, saving the staged change first when the input was accepted.</summary>
internal static class UpsertHttpResults
{
    /// <summary>
    /// Enough for identical requests racing each other: the losers' second attempt finds the winner's row and, the
    /// same, leaves it unchanged. Only different changes racing again and again end in 409.
    /// </summary>
    private const int MaxAttempts = 3;

    /// <summary>
    /// Runs <paramref name="upsert"/> and saves what it staged. When another request saved the same resource first (its
    /// unique reference or its concurrency version), starts again from what that request stored, so concurrent
    /// identical PUTs all answer as if each had been alone.
    /// </summary>
    public static async Task<IResult> SaveAsync<T>(
        RelanceBotDbContext db,
        Func<CancellationToken, Task<UpsertResult<T>>> upsert,
        Func<T, object> toResponse,
        string location,
        CancellationToken cancellationToken)
        where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await upsert(cancellationToken);
            switch (result.Status)
            {
                case UpsertStatus.Invalid:
                    return Results.ValidationProblem(result.Errors.ToDictionary());
                case UpsertStatus.Conflict:
                    return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: result.ConflictReason);
            }

            if (await db.TrySaveChangesAsync(cancellationToken))
            {
                var body = toResponse(result.Entity!);
                return result.Status == UpsertStatus.Created ? Results.Created(location, body) : Results.Ok(body);
            }

            if (attempt == MaxAttempts)
            {
                return ConcurrentChange();
            }

            db.ChangeTracker.Clear();
        }
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
