namespace Bot.Tests;

/// <summary>A seeded scoring core and a bot in front of it, new for each test, on the shared Redis.</summary>
public abstract class BotTestBase(RedisServer redis) : IAsyncLifetime
{
    protected RedisServer Redis { get; } = redis;
    protected CoreApp Core { get; private set; } = null!;
    protected BotApp Bot { get; set; } = null!;

    /// <summary>A dialogs/ folder both services load instead of the repository's (a test's own scheme).</summary>
    protected string? DialogsDirectory { get; init; }

    public async Task InitializeAsync()
    {
        Core = new CoreApp(Redis, DialogsDirectory);
        await Core.SeedAsync();
        Bot = new BotApp(Redis, Core);
        if (DialogsDirectory is not null)
        {
            Bot.Settings["Bot:DialogsDirectory"] = DialogsDirectory;
        }
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Core.DisposeAsync();
    }
}
