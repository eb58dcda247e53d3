using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TestSupport;

/// <summary>
/// Microsoft's identity endpoints on loopback, in their real wire formats: OpenID metadata and
/// JWKS (with Bot Framework "endorsements") for each issuer realm, and the Entra v2 token
/// endpoint that MSAL calls for client-credentials tokens. Tests mint tokens with its keys.
/// </summary>
public sealed class FakeMicrosoftIdentity : LoopbackFake
{
    public sealed record Key(string Id, RsaSecurityKey Signing, string[]? Endorsements);

    private readonly ConcurrentDictionary<string, List<Key>> _realms = new();
    private int _tokens;

    private FakeMicrosoftIdentity(WebApplication app)
        : base(app)
    {
    }


    /// <summary>Client-credentials requests received: tenant path, client_id and scope.</summary>
    public ConcurrentQueue<(string Tenant, string ClientId, string Scope)> TokenRequests { get; } = new();

    public ConcurrentQueue<string> IssuedTokens { get; } = new();

    public string MetadataUrl(string realm) => $"{BaseUrl}{realm}/.well-known/openidconfiguration";

    public static async Task<FakeMicrosoftIdentity> StartAsync()
    {
        var app = NewApp();
        var identity = new FakeMicrosoftIdentity(app);
        app.MapGet("/{realm}/.well-known/openidconfiguration", (string realm) => Results.Text(
            new JsonObject { ["issuer"] = realm, ["jwks_uri"] = $"{identity.BaseUrl}{realm}/keys" }.ToJsonString(), "application/json"));
        app.MapGet("/{realm}/keys", (string realm) => Results.Text(identity.Jwks(realm), "application/json"));
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (string tenant, HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["grant_type"] != "client_credentials" || string.IsNullOrEmpty(form["client_secret"]))
            {
                return Results.Text("""{"error":"invalid_request"}""", "application/json", statusCode: 400);
            }
            identity.TokenRequests.Enqueue((tenant, form["client_id"].ToString(), form["scope"].ToString()));
            var token = $"connector-token-{Interlocked.Increment(ref identity._tokens)}";
            identity.IssuedTokens.Enqueue(token);
            return Results.Text(
                new JsonObject { ["token_type"] = "Bearer", ["expires_in"] = 3599, ["ext_expires_in"] = 3599, ["access_token"] = token }.ToJsonString(),
                "application/json");
        });
        await app.StartAsync();
        return identity;
    }

    /// <summary>A new RSA key published in the realm's JWKS (endorsements null = the field is absent).</summary>
    public Key AddKey(string realm, params string[]? endorsements)
    {
        var key = NewKey(endorsements);
        var keys = _realms.GetOrAdd(realm, _ => []);
        lock (keys)
        {
            keys.Add(key);
        }
        return key;
    }

    /// <summary>A key that is not published anywhere (for forgeries); it may reuse a published key's id.</summary>
    public static Key NewKey(string[]? endorsements = null, string? id = null)
    {
        var keyId = id ?? Guid.NewGuid().ToString("N")[..12];
        return new Key(keyId, new RsaSecurityKey(RSA.Create(2048)) { KeyId = keyId }, endorsements);
    }

    public static string Mint(Key key, IDictionary<string, object> claims, DateTimeOffset issuedAt, TimeSpan lifetime, string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = issuedAt.UtcDateTime,
            Expires = (issuedAt + lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(key.Signing, algorithm),
        });
    }

    private string Jwks(string realm)
    {
        var keys = new JsonArray();
        foreach (var key in _realms.GetValueOrDefault(realm) ?? [])
        {
            var parameters = key.Signing.Rsa.ExportParameters(false);
            var jwk = new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = key.Id,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            };
            if (key.Endorsements is not null)
            {
                jwk["endorsements"] = new JsonArray([.. key.Endorsements.Select(e => (JsonNode)e)]);
            }
            keys.Add(jwk);
        }
        return new JsonObject { ["keys"] = keys }.ToJsonString();
    }
}
