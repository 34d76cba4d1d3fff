using Npgsql;
using RelanceBot.Persistence;
using Shouldly;

namespace RelanceBot.Tests.Persistence;

public sealed class PostgreSqlConnectionStringTests
{
    [Fact]
    public void AConnectionStringThatSaysNothing_GetsAutomaticPreparation()
    {
        var connectionString = PostgreSqlConnectionString.WithAutoPrepare("Host=127.0.0.1;Database=relancebot;Username=app;Password=secret");

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.MaxAutoPrepare.ShouldBe(PostgreSqlConnectionString.AutoPreparedStatements);
        builder.Host.ShouldBe("127.0.0.1");
        builder.Password.ShouldBe("secret");
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Max Auto Prepare=0", 0)]
    [InlineData("Host=127.0.0.1;maxautoprepare=5", 5)]
    public void AConnectionStringThatSetsIt_KeepsItsOwnValue(string given, int expected) =>
        new NpgsqlConnectionStringBuilder(PostgreSqlConnectionString.WithAutoPrepare(given)).MaxAutoPrepare.ShouldBe(expected);
}
