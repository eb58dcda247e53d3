extern alias core;
using System.Net.Http.Json;
using Bot.CoreClient;
using Bot.Outbox;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Benchmark;

/// <summary>The scoring core, in memory: it only receives the finished forms.</summary>
internal sealed class CoreHost(string redis) : WebApplicationFactory<core::Program>
{
    public const string ApiKey = "bench-core-key-0123456789";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Outside a test project the factory cannot find a content root: the core's own, with its appsettings.json.
        builder.UseContentRoot(Path.Combine(AppContext.BaseDirectory, "hosts", "core"));
        builder.UseSetting("ConnectionStrings:Redis", redis);
        builder.UseSetting("ScoringCore:ApiKeys:0", ApiKey);
        builder.UseSetting("ScoringCore:KeyPrefix", $"benchcore:{Guid.NewGuid():N}:");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    public async Task SeedAsync(string communeId)
    {
        var api = CreateClient();
        api.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        var response = await api.PutAsJsonAsync("/api/v1/units", new object[]
        {
            new { id = "bench-province", name = "Tỉnh Đo Tải", kind = "province" },
            new { id = communeId, name = "Xã Đo Tải", kind = "commune", parentId = "bench-province" },
        });
        response.EnsureSuccessStatusCode();
    }
}

/// <summary>The bot on real Kestrel (loopback), exactly as in production but for where the core lives.</summary>
internal sealed class BotHost(string redis, CoreHost core, string? keyPrefix = null, Action<IWebHostBuilder>? configure = null) : WebApplicationFactory<Program>
{
    public const string DirectLineSecret = "directline-bench-secret-0123456789abcdef";

    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(Path.Combine(AppContext.BaseDirectory, "hosts", "bot"));
        // As deployed: the test host's default, Development, adds the exception page and DI scope checks.
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Redis", redis);
        builder.UseSetting("Bot:KeyPrefix", keyPrefix ?? $"benchbot:{Guid.NewGuid():N}:");
        builder.UseSetting("ScoringCore:BaseUrl", core.Server.BaseAddress.ToString());
        builder.UseSetting("ScoringCore:ApiKey", CoreHost.ApiKey);
        builder.UseSetting("DirectLine:Secret", DirectLineSecret);
        // Every virtual user comes from 127.0.0.1: the per-address limit would stop the load, not the bot.
        builder.UseSetting("DirectLine:RequestsPerMinutePerAddress", "100000000");
        builder.UseSetting("SurveyLinks:LinkKey", "link-bench-key-0123456789abcdef0123456789");
        builder.UseSetting("SurveyLinks:AdminKey", "admin-bench-key-0123456789");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.AddHttpClient<ScoringCoreClient>().ConfigurePrimaryHttpMessageHandler(() => core.Server.CreateHandler());
            services.AddHttpClient<OutboxDeliveryClient>().ConfigurePrimaryHttpMessageHandler(() => core.Server.CreateHandler());
        });
        configure?.Invoke(builder);
    }
}
