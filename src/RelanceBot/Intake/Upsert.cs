namespace RelanceBot.Intake;

public static class Upsert
{
    public static UpsertResult<T> Invalid<T>(FieldErrors errors)
        where T : class => new(UpsertStatus.Invalid, null, errors);

    public static UpsertResult<T> Conflict<T>(string reason)
        where T : class => new(UpsertStatus.Conflict, null, new FieldErrors(), reason);

    public static UpsertResult<T> Saved<T>(T entity, UpsertStatus status)
        where T : class => new(status, entity, new FieldErrors());
}
