extern alias core;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests;

/// <summary>The real scoring core, with a few communes, on the shared Redis under its own prefix.</summary>
public sealed class CoreApp(RedisServer redis, string? dialogsDirectory = null, string? keyPrefix = null) : WebApplicationFactory<core::Program>
{
    public const string ApiKey = "core-test-key-0123456789";

    public string KeyPrefix { get; } = keyPrefix ?? $"tc:{Guid.NewGuid():N}:";

    /// <summary>Shared with the bot, so both agree on what "now" is (25/11/2026 10:00 in Vietnam).</summary>
    public FakeClock Clock { get; } = new(DateTimeOffset.Parse("2026-11-25T03:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>More settings for one test, applied last.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Redis", redis.ConnectionString);
        builder.UseSetting("ScoringCore:ApiKeys:0", ApiKey);
        builder.UseSetting("ScoringCore:KeyPrefix", KeyPrefix);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        if (dialogsDirectory is not null)
        {
            builder.UseSetting("ScoringCore:DialogsDirectory", dialogsDirectory);
        }
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public async Task SeedAsync()
    {
        var api = Api();
        var response = await api.PutAsJsonAsync("/api/v1/units", new object[]
        {
            new { id = "hd", name = "Tỉnh Hải Dương", kind = "province" },
            new { id = "cam-vu", name = "Xã Cẩm Vũ", kind = "commune", parentId = "hd" },
            new { id = "cam-binh", name = "Xã Cẩm Bình", kind = "commune", parentId = "hd" },
            new { id = "tu-minh", name = "Phường Tứ Minh", kind = "commune", parentId = "hd" },
        });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Serves on a real loopback port (Kestrel), for a caller that must go over real HTTP; returns the base address.</summary>
    public Uri StartOnLoopback()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
            .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First() + "/");
    }

    public HttpClient Api()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    /// <summary>Survey forms the core holds for a commune this year, whatever their standing (counted, outside the window, feedback, held, excluded).</summary>
    public async Task<int> ResponsesAsync(string communeId, int year = 2026)
    {
        var card = await Api().GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/communes/{communeId}/years/{year}/scorecard");
        return Forms(card.GetProperty("a1")) + card.GetProperty("a1").GetProperty("outsideWindow").GetInt32() + Forms(card.GetProperty("a2"));
    }

    private static int Forms(System.Text.Json.JsonElement part) =>
        new[] { "responses", "held", "excluded", "feedback" }.Sum(p => part.GetProperty(p).GetInt32());
}
