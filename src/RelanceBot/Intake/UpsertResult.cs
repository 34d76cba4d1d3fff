namespace RelanceBot.Intake;

/// <summary>The outcome of creating or updating an entity from a practice's data; built with <see cref="Upsert"/>.</summary>
public sealed record UpsertResult<T>(UpsertStatus Status, T? Entity, FieldErrors Errors, string? ConflictReason = null)
    where T : class;
