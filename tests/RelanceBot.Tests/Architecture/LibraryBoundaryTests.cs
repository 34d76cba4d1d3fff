using System.Reflection;
using RelanceBot.BotFramework;
using RelanceBot.Understanding;

namespace RelanceBot.Tests.Architecture;

/// <summary>The two libraries stay apart from the app: each can be replaced, reused or scored on its own.</summary>
public sealed class LibraryBoundaryTests
{
    [Fact]
    public void Understanding_KnowsNoHostNoDatabaseAndNoApp() =>
        References(typeof(IntentRecognizer).Assembly).ShouldNotContain(name =>
            name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
            || name == "RelanceBot.BotFramework"
            || name == "RelanceBot");

    [Fact]
    public void BotFramework_KnowsNothingOfTheApp() =>
        References(typeof(BotFrameworkOptions).Assembly).ShouldNotContain(name =>
            name == "RelanceBot" || name == "RelanceBot.Understanding" || name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));

    private static List<string> References(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(reference => reference.Name ?? "").ToList();
}
