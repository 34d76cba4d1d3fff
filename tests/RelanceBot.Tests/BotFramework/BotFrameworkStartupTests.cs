using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RelanceBot.BotFramework;
using RelanceBot.Tests.BotFramework.TestInfrastructure;
using Shouldly;

namespace RelanceBot.Tests.BotFramework;

public sealed class BotFrameworkStartupTests
{
    [Fact]
    public async Task NoAppIdInProduction_FailsStartupWithAClearMessage()
    {
        var exception = await Should.ThrowAsync<OptionsValidationException>(
            () => BotTestHost.StartAsync(new Dictionary<string, string?>(), environmentName: "Production"));

        exception.Message.ShouldContain("MicrosoftAppId is required unless");
    }

    [Fact]
    public async Task NoAppIdInDevelopment_StartsInAnonymousMode()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?>(), environmentName: "Development");

        host.App.Services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.IsAnonymous.ShouldBeTrue();
    }

    [Fact]
    public async Task SingleTenantWithoutTenantId_FailsStartup()
    {
        var exception = await Should.ThrowAsync<OptionsValidationException>(() => BotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = "app",
            ["MicrosoftAppPassword"] = "secret",
        }));

        exception.Message.ShouldContain("MicrosoftAppTenantId is required");
        exception.Message.ShouldNotContain("secret");
    }
}
