using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ScoringCore.Tests;

/// <summary>
/// The scoring core over its real HTTP pipeline, against the shared Redis, with its own key
/// prefix and a fake clock (mid-window, 25/11/2026 10:00 in Vietnam, unless a test moves it).
/// </summary>
public sealed class ScoringCoreApp : WebApplicationFactory<Program>
{
    public const string ApiKey = "test-key-0123456789abcdef";

    private readonly string _redis;
    private readonly string? _dialogs;

    public ScoringCoreApp(RedisServer redis, string? redisOverride = null, string? dialogsDirectory = null)
    {
        _redis = redisOverride ?? redis.ConnectionString;
        _dialogs = dialogsDirectory;
        KeyPrefix = $"t:{Guid.NewGuid():N}:";
    }

    public string KeyPrefix { get; }

    public FakeClock Clock { get; } = new(DateTimeOffset.Parse("2026-11-25T03:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public HttpClient Api()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Redis", _redis);
        builder.UseSetting("ScoringCore:ApiKeys:0", ApiKey);
        builder.UseSetting("ScoringCore:KeyPrefix", KeyPrefix);
        if (_dialogs is not null)
        {
            builder.UseSetting("ScoringCore:DialogsDirectory", _dialogs);
        }
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>A province "p" with communes "xa-1" … "xa-N" directly under it (no districts since 2025).</summary>
    public async Task<HttpClient> WithCommunesAsync(int communes = 3)
    {
        var api = Api();
        var units = new List<object> { new { id = "p", name = "Tỉnh Thử Nghiệm", kind = "province" } };
        units.AddRange(Enumerable.Range(1, communes).Select(i => new { id = $"xa-{i}", name = $"Xã Số {i}", kind = "commune", parentId = "p" }));
        var response = await api.PutAsJsonAsync("/api/v1/units", units);
        response.EnsureSuccessStatusCode();
        return api;
    }
}

internal static class HttpAssertions
{
    /// <summary>Asserts a problem+json answer with the status, the field it names, and words of its Vietnamese detail.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, int status, string field, string detailContains)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Contains(detailContains, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
