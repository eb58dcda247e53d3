using Bot.CoreClient;
using Bot.Outbox;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests;

/// <summary>
/// The bot over its real HTTP pipeline, on the shared Redis under its own prefix, talking to a
/// real scoring core through <see cref="CoreSwitch"/>, on the core's fake clock.
/// </summary>
public sealed class BotApp : WebApplicationFactory<Program>
{
    private readonly RedisServer _redis;
    private readonly CoreApp _core;

    public const string DirectLineSecret = "directline-test-secret-0123456789abcdef";
    public const string AdminKey = "admin-test-key-0123456789";

    public BotApp(RedisServer redis, CoreApp core, string? keyPrefix = null, FakeClock? clock = null, Uri? coreOverHttp = null)
    {
        _redis = redis;
        _core = core;
        _coreOverHttp = coreOverHttp;
        KeyPrefix = keyPrefix ?? $"tb:{Guid.NewGuid():N}:";
        Clock = clock ?? core.Clock;
        CoreSwitch = new SwitchableHandler(coreOverHttp is null ? core.Server.CreateHandler() : new HttpClientHandler());
    }

    // A core on a real loopback port, reached over real HTTP (no switch), where a test needs the wire itself (trace headers).
    private readonly Uri? _coreOverHttp;

    public string KeyPrefix { get; }
    public FakeClock Clock { get; }
    public SwitchableHandler CoreSwitch { get; }

    /// <summary>More settings for one test (rate limits, allowed origins…), applied last.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>More services for one test (fakes of outside services), applied last.</summary>
    public Action<IServiceCollection>? TestServices { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Redis", _redis.ConnectionString);
        builder.UseSetting("Bot:KeyPrefix", KeyPrefix);
        builder.UseSetting("Bot:OutboxRetryDelay", "00:00:00.010");
        builder.UseSetting("Bot:OutboxPauseAfterFailure", "00:00:00.050");
        builder.UseSetting("Bot:OutboxPollInterval", "00:00:00.050");
        builder.UseSetting("ScoringCore:BaseUrl", (_coreOverHttp ?? _core.Server.BaseAddress).ToString());
        builder.UseSetting("ScoringCore:ApiKey", CoreApp.ApiKey);
        builder.UseSetting("DirectLine:Secret", DirectLineSecret);
        builder.UseSetting("SurveyLinks:LinkKey", "link-test-key-0123456789abcdef0123456789");
        builder.UseSetting("SurveyLinks:AdminKey", AdminKey);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            // The switch wraps the core's in-memory handler; the factory must not dispose it per client.
            if (_coreOverHttp is null)
            {
                services.AddHttpClient<ScoringCoreClient>().ConfigurePrimaryHttpMessageHandler(() => CoreSwitch).SetHandlerLifetime(Timeout.InfiniteTimeSpan);
                services.AddHttpClient<OutboxDeliveryClient>().ConfigurePrimaryHttpMessageHandler(() => CoreSwitch).SetHandlerLifetime(Timeout.InfiniteTimeSpan);
            }
            TestServices?.Invoke(services);
        });
    }

    /// <summary>Serves on a real loopback port (Kestrel), for a browser; returns the base address.</summary>
    public Uri StartOnLoopback()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First() + "/");
    }

    public Conversation Conversation(string channel = "directline") => new(CreateClient(), channel);
}
