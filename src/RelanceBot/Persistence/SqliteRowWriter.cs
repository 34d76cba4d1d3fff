using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace RelanceBot.Persistence;

/// <summary>
/// SQLite's side of <see cref="BulkInsert"/>: one prepared single-row statement, stepped once per row, its values
/// bound by position through SQLite's C API.
/// </summary>
/// <remarks>
/// Microsoft.Data.Sqlite binds every parameter by name on every execution (a UTF-8 conversion and a native lookup per
/// value), which made up most of a reminder sweep's time; values are bound here without a string allocated for each. The values are bound in the storage formats
/// Microsoft.Data.Sqlite uses for what EF hands it (upper-case text GUIDs, ISO text dates, integer booleans), so EF
/// reads and filters these rows like its own; a type it would store differently is refused rather than guessed.
/// </remarks>
internal static class SqliteRowWriter
{
    /// <param name="sql">A single-row insert whose parameters appear in column order: SQLite numbers named parameters
    /// by first appearance, so the values bind by position.</param>
    /// <param name="rows">Each row's store values, in the statement's column order.</param>
    public static void Insert(SqliteConnection connection, string sql, IReadOnlyList<object?[]> rows)
    {
        var database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(database, sql, out var statement), database);
        using (statement)
        {
            foreach (var row in rows)
            {
                for (var column = 0; column < row.Length; column++)
                {
                    Check(Bind(statement, column + 1, row[column]), database);
                }

                var stepped = raw.sqlite3_step(statement);
                if (stepped != raw.SQLITE_DONE)
                {
                    SqliteException.ThrowExceptionForRC(stepped, database);
                }

                raw.sqlite3_reset(statement);
            }
        }
    }

    private static int Bind(sqlite3_stmt statement, int index, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(statement, index),
        // UTF-16 as is: SQLite converts natively, without a managed copy per value.
        string text => raw.sqlite3_bind_text16(statement, index, text.AsSpan()),
        Guid guid => BindGuid(statement, index, guid),
        DateTime instant => BindFormatted(statement, index, instant, @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF"),
        DateOnly date => BindFormatted(statement, index, date, @"yyyy\-MM\-dd"),
        bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
        long number => raw.sqlite3_bind_int64(statement, index, number),
        int number => raw.sqlite3_bind_int64(statement, index, number),
        double number => raw.sqlite3_bind_double(statement, index, number),
        byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
        _ => throw new NotSupportedException($"Bulk inserts into SQLite do not bind {value.GetType().Name} values."),
    };

    private static int BindGuid(sqlite3_stmt statement, int index, Guid guid)
    {
        Span<char> text = stackalloc char[36];
        guid.TryFormat(text, out _, "D");
        for (var position = 0; position < text.Length; position++)
        {
            text[position] = char.ToUpperInvariant(text[position]);
        }

        return raw.sqlite3_bind_text16(statement, index, text);
    }

    private static int BindFormatted<T>(sqlite3_stmt statement, int index, T value, string format)
        where T : ISpanFormattable
    {
        Span<char> text = stackalloc char[40];
        return value.TryFormat(text, out var written, format, CultureInfo.InvariantCulture)
            ? raw.sqlite3_bind_text16(statement, index, text[..written])
            : throw new InvalidOperationException($"{value} does not fit the bulk insert's buffer.");
    }

    private static void Check(int result, sqlite3 database)
    {
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, database);
        }
    }
}
