using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace RelanceBot.Persistence.Sqlite;

/// <summary>
/// SQLite's side of <see cref="BulkInsert"/>: one prepared single-row statement, stepped once per row, its values
/// bound by position through SQLite's C API.
/// </summary>
/// <remarks>
/// Microsoft.Data.Sqlite binds every parameter by name on every execution (a UTF-8 conversion and a native lookup per
/// value), which made up most of a reminder sweep's time. Here, text values are encoded to UTF-8 once, when the rows
/// are prepared (<see cref="ToStoreValue"/>, outside the write transaction), so binding them only hands SQLite the
/// bytes. They are encoded in the storage formats Microsoft.Data.Sqlite uses for what EF hands it (upper-case text
/// GUIDs, ISO text dates, integer booleans), so EF reads and filters these rows like its own; a type it would store
/// differently is refused rather than guessed.
/// </remarks>
internal static class SqliteRowWriter
{
    /// <param name="sql">A single-row insert whose parameters appear in column order: SQLite numbers named parameters
    /// by first appearance, so the values bind by position.</param>
    /// <param name="rows">Each row's values from <see cref="ToStoreValue"/>, in the statement's column order.</param>
    /// <returns>The number of rows written (an upsert that did nothing writes none).</returns>
    public static int Insert(SqliteConnection connection, string sql, IReadOnlyList<object?[]> rows)
    {
        var database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(database, sql, out var statement), database);
        var written = 0;
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

                written += raw.sqlite3_changes(database);
                raw.sqlite3_reset(statement);
            }
        }

        return written;
    }

    /// <summary>A provider value (after EF's value converter) as it will be bound: text as UTF-8 bytes, blobs wrapped.</summary>
    public static object? ToStoreValue(object? value) => value switch
    {
        null or bool or long or int or double => value,
        byte[] bytes => new Blob(bytes),
        string text => Encoding.UTF8.GetBytes(text),
        Guid guid => UpperCaseGuid(guid),
        DateTime instant => Instant(instant),
        DateOnly date => Date(date),
        _ => throw new NotSupportedException($"Bulk inserts into SQLite do not bind {value.GetType().Name} values."),
    };

    private static int Bind(sqlite3_stmt statement, int index, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(statement, index),
        byte[] text => raw.sqlite3_bind_text(statement, index, text),
        bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
        long number => raw.sqlite3_bind_int64(statement, index, number),
        int number => raw.sqlite3_bind_int64(statement, index, number),
        double number => raw.sqlite3_bind_double(statement, index, number),
        Blob blob => raw.sqlite3_bind_blob(statement, index, blob.Bytes),
        _ => throw new NotSupportedException($"{value.GetType().Name} is not a value from {nameof(ToStoreValue)}."),
    };

    private static byte[] UpperCaseGuid(Guid guid)
    {
        var text = new byte[36];
        guid.TryFormat(text, out _, "D");
        for (var position = 0; position < text.Length; position++)
        {
            if (text[position] is >= (byte)'a' and <= (byte)'f')
            {
                text[position] -= 'a' - 'A';
            }
        }

        return text;
    }

    /// <summary>
    /// <paramref name="instant"/> as Microsoft.Data.Sqlite writes it (<c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>: the fraction
    /// without its trailing zeros, and without its point when it is zero), written digit by digit: the general date
    /// formatter cost more than binding the row.
    /// </summary>
    internal static byte[] Instant(DateTime instant)
    {
        Span<byte> text = stackalloc byte[27];
        WriteDate(text, instant.Year, instant.Month, instant.Day);
        text[10] = (byte)' ';
        Digits(text.Slice(11, 2), instant.Hour);
        text[13] = (byte)':';
        Digits(text.Slice(14, 2), instant.Minute);
        text[16] = (byte)':';
        Digits(text.Slice(17, 2), instant.Second);
        var fraction = (int)(instant.Ticks % TimeSpan.TicksPerSecond);
        if (fraction == 0)
        {
            return text[..19].ToArray();
        }

        text[19] = (byte)'.';
        Digits(text.Slice(20, 7), fraction);
        var length = text.Length;
        while (text[length - 1] == (byte)'0')
        {
            length--;
        }

        return text[..length].ToArray();
    }

    /// <summary><paramref name="date"/> as Microsoft.Data.Sqlite writes it: <c>yyyy-MM-dd</c>.</summary>
    internal static byte[] Date(DateOnly date)
    {
        var text = new byte[10];
        WriteDate(text, date.Year, date.Month, date.Day);
        return text;
    }

    private static void WriteDate(Span<byte> text, int year, int month, int day)
    {
        Digits(text[..4], year);
        text[4] = (byte)'-';
        Digits(text.Slice(5, 2), month);
        text[7] = (byte)'-';
        Digits(text.Slice(8, 2), day);
    }

    private static void Digits(Span<byte> text, int value)
    {
        for (var position = text.Length - 1; position >= 0; position--)
        {
            text[position] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    private static void Check(int result, sqlite3 database)
    {
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, database);
        }
    }

    /// <summary>A blob, told apart from text, which is the common case: text values are bound as UTF-8 byte arrays.</summary>
    private sealed record Blob(byte[] Bytes);
}
