namespace Bot.Tests;

/// <summary>A seeded scoring core and a bot in front of it, new for each test, on the shared Redis.</summary>
public abstract class BotTestBase(RedisServer redis) : IAsyncLifetime
{
    protected RedisServer Redis { get; } = redis;
    protected CoreApp Core { get; private set; } = null!;
    protected BotApp Bot { get; set; } = null!;

    public async Task InitializeAsync()
    {
        Core = new CoreApp(Redis);
        await Core.SeedAsync();
        Bot = new BotApp(Redis, Core);
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Core.DisposeAsync();
    }
}
