using Microsoft.Extensions.DependencyInjection;
using RelanceBot.Practices;

namespace RelanceBot.Tests.TestHost;

public sealed record TestPractice(Guid Id, string ApiKey)
{
    /// <summary>Creates a practice through the same use case as <c>practices add</c>.</summary>
    public static async Task<TestPractice> CreateAsync(RelanceBotFactory factory, string name = "Cabinet Dupont", string? openingHours = null, string? language = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AddPractice>()
            .HandleAsync(name, "Dr Dupont", null, null, null, openingHours, language, CancellationToken.None);
        return new TestPractice(result.Practice!.Id, result.PlainApiKey!);
    }
}
