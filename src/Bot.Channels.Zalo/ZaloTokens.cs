using System.Globalization;
using System.Text.Json;
using Bot.State;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Bot.Channels.Zalo;

/// <summary>
/// The OA's access token, refreshed ahead of expiry and when Zalo says it is invalid. A refresh
/// token works once and the next one arrives in the answer, so the pair is written to Redis the
/// moment it arrives, before anything uses it; and only one instance at a time refreshes (a
/// Redis lock), since two refreshing with the same token would lock the OA out.
/// </summary>
public sealed partial class ZaloTokens(
    IHttpClientFactory httpClients, IConnectionMultiplexer redis, BotKeys keys, IOptions<ZaloOptions> options, TimeProvider clock, ILogger<ZaloTokens> log)
{
    private static readonly TimeSpan LockTime = TimeSpan.FromSeconds(15);

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        var stored = await ReadAsync();
        return IsFresh(stored, failed: null) ? stored.Access! : await RefreshAsync(stored.Access, cancellationToken);
    }

    /// <summary>
    /// A new access token, unless another caller already replaced <paramref name="failed"/>
    /// (many sends fail at once when a token dies; only one refresh must happen).
    /// </summary>
    public async Task<string> RefreshAsync(string? failed, CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        var holder = Guid.NewGuid().ToString("N");
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (await database.StringSetAsync(keys.ZaloTokenLock, holder, LockTime, When.NotExists))
            {
                try
                {
                    // Read under the lock: another instance may have refreshed (and used up the refresh token) a moment ago.
                    var stored = await ReadAsync();
                    return IsFresh(stored, failed) ? stored.Access! : await RefreshHoldingLockAsync(stored.Refresh, cancellationToken);
                }
                finally
                {
                    await database.ScriptEvaluateAsync("if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0",
                        [keys.ZaloTokenLock], [holder]);
                }
            }
            // Another instance is refreshing: its new token is the one to use.
            await Task.Delay(200, cancellationToken);
            var current = await ReadAsync();
            if (IsFresh(current, failed))
            {
                return current.Access!;
            }
        }
        throw new HttpRequestException("Another instance held the Zalo token lock too long.");
    }

    private async Task<string> RefreshHoldingLockAsync(string? refresh, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(refresh))
        {
            // First start: the configured token is written to Redis first, so it is never used twice.
            refresh = options.Value.RefreshToken;
            if (refresh.Length == 0)
            {
                throw new HttpRequestException("No Zalo refresh token: set Zalo:RefreshToken once from the OA admin's authorisation.");
            }
            await redis.GetDatabase().HashSetAsync(keys.ZaloTokens, "refresh", refresh);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Value.OAuthBaseUrl, "/v4/oa/access_token"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["refresh_token"] = refresh,
                ["app_id"] = options.Value.AppId,
                ["grant_type"] = "refresh_token",
            }),
        };
        request.Headers.Add("secret_key", options.Value.AppSecret);
        using var response = await httpClients.CreateClient(ZaloClient.HttpClientName).SendAsync(request, cancellationToken);
        var result = await response.Content.ReadFromJsonAsync(ZaloJsonContext.Default.ZaloTokenResult, cancellationToken);
        if (result is not { AccessToken.Length: > 0, RefreshToken.Length: > 0 })
        {
            LogRefreshRefused(result?.Error);
            throw new HttpRequestException("Zalo refused the refresh token; an OA admin must authorise the app again.");
        }
        var expires = clock.GetUtcNow().AddSeconds(Seconds(result.ExpiresIn) ?? 90_000);
        await redis.GetDatabase().HashSetAsync(keys.ZaloTokens,
        [
            new("access", result.AccessToken),
            new("refresh", result.RefreshToken),
            new("expires", expires.ToUnixTimeSeconds()),
        ]);
        LogRefreshed(expires);
        return result.AccessToken;
    }

    /// <summary>An access token to use: present, not the one Zalo just refused, and not about to expire.</summary>
    private bool IsFresh((string? Access, string? Refresh, DateTimeOffset Expires) stored, string? failed) =>
        stored.Access is { Length: > 0 } && stored.Access != failed && stored.Expires - clock.GetUtcNow() > options.Value.RefreshAhead;

    private async Task<(string? Access, string? Refresh, DateTimeOffset Expires)> ReadAsync()
    {
        var values = await redis.GetDatabase().HashGetAsync(keys.ZaloTokens, ["access", "refresh", "expires"]);
        var expires = values[2].TryParse(out long seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.MinValue;
        return (values[0], values[1], expires);
    }

    private static double? Seconds(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.Number } number => number.GetDouble(),
        { ValueKind: JsonValueKind.String } text when double.TryParse(text.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Zalo access token refreshed; it expires at {Expires}")]
    private partial void LogRefreshed(DateTimeOffset expires);

    [LoggerMessage(Level = LogLevel.Error, Message = "Zalo refused to refresh the OA token (error {Error}); an OA admin must authorise the app again")]
    private partial void LogRefreshRefused(int? error);
}
