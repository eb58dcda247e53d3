namespace Bot.Tests.BotFramework;

/// <summary>The bot with a Bot Framework identity, a local Microsoft identity fake publishing one key endorsed for Teams, and a fake connector.</summary>
public abstract class TeamsTestBase(RedisServer redis) : BotTestBase(redis), IAsyncLifetime
{
    protected FakeMicrosoftIdentity Identity { get; private set; } = null!;
    protected FakeConnector Connector { get; private set; } = null!;
    protected FakeMicrosoftIdentity.Key TeamsKey { get; private set; } = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        Identity = await FakeMicrosoftIdentity.StartAsync();
        Connector = await FakeConnector.StartAsync();
        TeamsKey = Identity.AddKey("botframework", "msteams", "webchat");
        await Bot.DisposeAsync();
        Bot = new BotApp(Redis, Core) { TestServices = services => TeamsBot.SendMsalTo(Identity, services) };
        foreach (var (name, value) in TeamsBot.Settings(Identity))
        {
            Bot.Settings[name] = value;
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Connector.DisposeAsync();
        await Identity.DisposeAsync();
    }
}
