using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Bot.Channels.BotFramework.Auth;

/// <summary>A signing key from a JWKS, with the channels Microsoft endorsed it for (Bot Framework's "endorsements").</summary>
public sealed record SigningKey(JsonWebKey Key, IReadOnlyList<string>? Endorsements);

/// <summary>
/// The signing keys behind each OpenID metadata URL: fetched on first use, kept for
/// <see cref="BotFrameworkOptions.SigningKeysLifetime"/>, fetched again when a token names a key
/// id we do not have (keys rotate), at most once per <see cref="BotFrameworkOptions.UnknownKeyRefreshInterval"/>.
/// Written here rather than with IdentityModel's ConfigurationManager, whose refresh runs in the
/// background and would refuse the first token signed with a new key.
/// </summary>
public sealed partial class SigningKeys(IHttpClientFactory httpClients, IOptions<BotFrameworkOptions> options, TimeProvider clock, ILogger<SigningKeys> log)
    : IDisposable
{
    public const string HttpClientName = "openid";

    private sealed record KeySet(IReadOnlyDictionary<string, SigningKey> Keys, DateTimeOffset FetchedAt);

    private readonly ConcurrentDictionary<string, KeySet> _sets = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _fetching = new(1, 1);

    public async Task<SigningKey?> FindAsync(string metadataUrl, string keyId, CancellationToken cancellationToken)
    {
        var set = _sets.GetValueOrDefault(metadataUrl);
        var age = set is null ? TimeSpan.MaxValue : clock.GetUtcNow() - set.FetchedAt;
        if (age > options.Value.SigningKeysLifetime || (!set!.Keys.ContainsKey(keyId) && age > options.Value.UnknownKeyRefreshInterval))
        {
            set = await FetchAsync(metadataUrl, set, cancellationToken);
        }
        return set?.Keys.GetValueOrDefault(keyId);
    }

    private async Task<KeySet?> FetchAsync(string metadataUrl, KeySet? stale, CancellationToken cancellationToken)
    {
        await _fetching.WaitAsync(cancellationToken);
        try
        {
            // Another request may have fetched while this one waited.
            if (_sets.TryGetValue(metadataUrl, out var current) && !ReferenceEquals(current, stale))
            {
                return current;
            }
            var jwksUri = await ReadJwksUriAsync(metadataUrl, cancellationToken);
            var fresh = new KeySet(await ReadKeysAsync(jwksUri, cancellationToken), clock.GetUtcNow());
            _sets[metadataUrl] = fresh;
            return fresh;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or InvalidOperationException or TaskCanceledException)
        {
            // Keep the keys we had: Microsoft's endpoint being down must not lock out Teams.
            LogFetchFailed(e, metadataUrl);
            return stale;
        }
        finally
        {
            _fetching.Release();
        }
    }

    private async Task<Uri> ReadJwksUriAsync(string metadataUrl, CancellationToken cancellationToken)
    {
        using var metadata = await GetJsonAsync(RequireSafe(metadataUrl), cancellationToken);
        var jwksUri = metadata.RootElement.TryGetProperty("jwks_uri", out var value) ? value.GetString() : null;
        return RequireSafe(jwksUri ?? throw new InvalidOperationException("The OpenID metadata has no jwks_uri."));
    }

    private async Task<Dictionary<string, SigningKey>> ReadKeysAsync(Uri jwksUri, CancellationToken cancellationToken)
    {
        using var jwks = await GetJsonAsync(jwksUri, cancellationToken);
        var keys = new Dictionary<string, SigningKey>(StringComparer.Ordinal);
        foreach (var element in jwks.RootElement.GetProperty("keys").EnumerateArray())
        {
            var key = new JsonWebKey(element.GetRawText());
            // Only RSA keys can verify RS256/384/512; anything else is ignored, as botbuilder-js does.
            if (key.Kty != JsonWebAlgorithmsKeyTypes.RSA || string.IsNullOrEmpty(key.Kid))
            {
                continue;
            }
            var endorsements = element.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(e => e.GetString() ?? "").ToList()
                : null;
            keys[key.Kid] = new SigningKey(key, endorsements);
        }
        return keys;
    }

    private async Task<JsonDocument> GetJsonAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var response = await httpClients.CreateClient(HttpClientName).GetAsync(uri, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
    }

    /// <summary>Keys are trusted only over HTTPS; plain HTTP only to this machine (the tests' OpenID server).</summary>
    private static Uri RequireSafe(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            ? uri
            : throw new InvalidOperationException("Signing keys must come over HTTPS.");

    public void Dispose() => _fetching.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not fetch the signing keys behind {MetadataUrl}")]
    private partial void LogFetchFailed(Exception exception, string metadataUrl);
}
