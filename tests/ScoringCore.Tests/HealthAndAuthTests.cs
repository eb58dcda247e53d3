using System.Net;
using System.Net.Http.Json;

namespace ScoringCore.Tests;

[Collection(RedisTests.Name)]
public sealed class HealthAndAuthTests(RedisServer redis)
{
    [Fact]
    public async Task Healthz_WithRedis_IsHealthy()
    {
        using var app = new ScoringCoreApp(redis);

        var response = await app.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("redis").GetProperty("reachable").GetBoolean());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong-key")]
    [InlineData("test-key-0123456789abcdeF")]
    public async Task Api_WithoutTheRightKey_Is401(string? key)
    {
        using var app = new ScoringCoreApp(redis);
        var client = app.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        var response = await client.GetAsync("/api/v1/units/p/years/2026/summary");

        await response.AssertProblemAsync(401, "X-Api-Key", "khóa truy cập");
    }

    [Fact]
    public async Task RedisDown_HealthIs503_AndWritesAre503Problems()
    {
        using var app = new ScoringCoreApp(redis, redisOverride: "127.0.0.1:1,connectTimeout=200,syncTimeout=500");
        var api = app.Api();

        var health = await api.GetAsync("/healthz");
        var write = await api.PutAsJsonAsync("/api/v1/units", new object[] { new { id = "p", name = "Tỉnh", kind = "province" } });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.False((await health.JsonAsync()).GetProperty("redis").GetProperty("reachable").GetBoolean());
        await write.AssertProblemAsync(503, "", "kho dữ liệu tạm thời không truy cập được");
    }

    [Fact]
    public async Task LiveAndReady_AreHealthChecks_ReadyFollowsRedis_LiveDoesNot()
    {
        using var up = new ScoringCoreApp(redis);
        using var down = new ScoringCoreApp(redis, redisOverride: "127.0.0.1:1,connectTimeout=200,syncTimeout=500");

        var upLive = await up.CreateClient().GetAsync("/health/live");
        var upReady = await up.CreateClient().GetAsync("/health/ready");
        var downLive = await down.CreateClient().GetAsync("/health/live");
        var downReady = await down.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, upLive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, upReady.StatusCode);
        Assert.Equal("Healthy", await upReady.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, downLive.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, downReady.StatusCode);
        Assert.Equal("Unhealthy", await downReady.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownRouteOrMethod_IsAProblemResponse()
    {
        using var app = new ScoringCoreApp(redis);
        var api = app.Api();

        await (await api.GetAsync("/api/v1/khong-co")).AssertProblemAsync(404, "", "Không có địa chỉ này");
        await (await api.DeleteAsync("/api/v1/units")).AssertProblemAsync(405, "", "không nhận phương thức");
    }

    [Fact]
    public void Start_WithABrokenDialogsFolder_FailsAtBootNamingTheDefect()
    {
        using var broken = new DialogsCopy(Scoring.Loading.SchemeLoader.DefaultDirectory);
        var rubric = Path.Combine(broken.Path, "scheme", "rubric.json");
        File.WriteAllText(rubric, File.ReadAllText(rubric).Replace("\"max\": 22,", "\"max\": 21,", StringComparison.Ordinal));
        using var app = new ScoringCoreApp(redis).WithWebHostBuilder(b => b.UseSetting("ScoringCore:DialogsDirectory", broken.Path));

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("scheme/rubric.json at $.partB.items[0].max", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Start_WithoutApiKeys_FailsAtBoot()
    {
        using var app = new ScoringCoreApp(redis).WithWebHostBuilder(b => b.UseSetting("ScoringCore:ApiKeys:0", ""));

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("ApiKeys", error.ToString(), StringComparison.Ordinal);
    }
}
