using System.Globalization;
using System.Text;
using RelanceBot.Persistence;
using RelanceBot.Persistence.Sqlite;

namespace RelanceBot.Tests.Persistence.Sqlite;

public sealed class SqliteRowWriterTests
{
    public static TheoryData<DateTime> Instants() =>
    [
        new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc),
        new DateTime(2026, 12, 31, 23, 59, 59, DateTimeKind.Utc).AddTicks(9_999_999),
        new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(1),
        new DateTime(2026, 10, 25, 1, 30, 5, DateTimeKind.Utc).AddTicks(1_200_000),
        new DateTime(9999, 12, 31, 23, 59, 59, DateTimeKind.Utc).AddTicks(100),
    ];

    // EF reads, compares and orders these rows' instants as text, exactly as Microsoft.Data.Sqlite writes its own.
    [Theory]
    [MemberData(nameof(Instants))]
    public void Instants_AreWrittenAsMicrosoftDataSqliteWritesThem(DateTime instant) =>
        Encoding.UTF8.GetString(SqliteRowWriter.Instant(instant))
            .ShouldBe(instant.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture));

    [Fact]
    public void Instants_MatchOverManyRandomTicks()
    {
        var random = new Random(20261123);
        for (var sample = 0; sample < 10_000; sample++)
        {
            var instant = new DateTime(random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), DateTimeKind.Utc);
            Encoding.UTF8.GetString(SqliteRowWriter.Instant(instant))
                .ShouldBe(instant.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(2026, 3, 1)]
    [InlineData(9999, 12, 31)]
    public void Dates_AreWrittenAsMicrosoftDataSqliteWritesThem(int year, int month, int day)
    {
        var date = new DateOnly(year, month, day);

        Encoding.UTF8.GetString(SqliteRowWriter.Date(date)).ShouldBe(date.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture));
    }
}
