using RelanceBot.Tests.BotFramework.TestInfrastructure;
using RelanceBot.Tests.TestHost;

namespace RelanceBot.Tests.Teams;

/// <summary>What every Teams test starts from: the app, a practice, and its staff channel on a fake Connector.</summary>
public abstract class TeamsChannelTest : IAsyncLifetime
{
    protected RelanceBotFactory App { get; } = new RelanceBotFactory();

    protected FakeConnector Connector { get; private set; } = null!;

    protected TeamsStaffChannel Channel { get; private set; } = null!;

    protected TeamsPractice Practice { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Connector = await FakeConnector.StartAsync();
        Channel = new TeamsStaffChannel(App, Connector);
        Practice = await TeamsPractice.CreateAsync(App);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
