using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace RelanceBot.Persistence;

/// <summary>
/// Stores instants as UTC <see cref="DateTime"/>: SQLite cannot compare or order <see cref="DateTimeOffset"/> in SQL,
/// and Npgsql maps a UTC <see cref="DateTime"/> to <c>timestamptz</c>.
/// </summary>
internal sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTime>(
    instant => instant.UtcDateTime,
    stored => new DateTimeOffset(DateTime.SpecifyKind(stored, DateTimeKind.Utc)));
