using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Bot.Channels.DirectLine;

/// <summary>
/// Direct Line tokens: compact JWTs (HS256) naming one conversation and one user. Web Chat reads
/// the "user" claim as the user's id. A token is checked by signature, expiry and conversation,
/// so it cannot be forged, kept past its life or carried to another conversation.
/// </summary>
public sealed class DirectLineTokens(IOptions<DirectLineOptions> options, TimeProvider clock)
{
    private const string Issuer = "directline";

    /// <summary>What a token is for: calling the API, or opening one stream (it rides in a URL, so logs may see it: it lives a minute).</summary>
    public const string ApiScope = "api";
    public const string StreamScope = "stream";

    private static readonly TimeSpan StreamTicketLifetime = TimeSpan.FromSeconds(60);
    private static readonly string Header = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);

    // A key of its own, derived from the secret, so a token never carries anything that helps guess the secret.
    private readonly byte[] _key = HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.Secret), "direct-line token v1"u8);

    public TimeSpan Lifetime => options.Value.TokenLifetime;

    public string Issue(string conversationId, string userId, string scope = ApiScope)
    {
        var now = clock.GetUtcNow();
        var life = scope == StreamScope ? StreamTicketLifetime : Lifetime;
        var claims = new TokenClaims(Issuer, conversationId, userId, now.ToUnixTimeSeconds(), (now + life).ToUnixTimeSeconds(), scope);
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims, DirectLineJsonContext.Default.TokenClaims));
        var signed = Header + "." + payload;
        return signed + "." + Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(signed)));
    }

    /// <summary>The claims of a genuine, unexpired token of that scope; null for anything else.</summary>
    public TokenClaims? Read(string? token, string scope = ApiScope)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2048)
        {
            return null;
        }
        var lastDot = token.LastIndexOf('.');
        var firstDot = token.IndexOf('.', StringComparison.Ordinal);
        if (firstDot <= 0 || lastDot == firstDot)
        {
            return null;
        }
        // TryDecodeFromChars throws on a character outside Base64url (it returns false only when
        // the result does not fit), so a garbled signature is ruled out before it is decoded.
        var encodedSignature = token.AsSpan(lastDot + 1);
        if (!Base64Url.IsValid(encodedSignature, out var length) || length != HMACSHA256.HashSizeInBytes)
        {
            return null;
        }
        var signed = Encoding.UTF8.GetBytes(token[..lastDot]);
        Span<byte> signature = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (!Base64Url.TryDecodeFromChars(encodedSignature, signature, out _)
            || !CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(_key, signed))
            || !token.AsSpan(0, firstDot).SequenceEqual(Header))
        {
            return null;
        }
        TokenClaims? claims;
        try
        {
            claims = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(token.AsSpan(firstDot + 1, lastDot - firstDot - 1)), DirectLineJsonContext.Default.TokenClaims);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return null;
        }
        return claims is { Iss: Issuer, Conv.Length: > 0, User.Length: > 0 } && claims.Scp == scope && claims.Exp > clock.GetUtcNow().ToUnixTimeSeconds() ? claims : null;
    }

    /// <summary>True when the text is the configured secret (compared in constant time).</summary>
    public bool IsSecret(string? presented)
    {
        var secret = options.Value.Secret;
        return presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(secret));
    }
}

/// <summary>What a token says: issuer, conversation, user, issued and expiry times (Unix seconds), scope.</summary>
public sealed record TokenClaims(
    [property: JsonPropertyName("iss")] string Iss,
    [property: JsonPropertyName("conv")] string Conv,
    [property: JsonPropertyName("user")] string User,
    [property: JsonPropertyName("iat")] long Iat,
    [property: JsonPropertyName("exp")] long Exp,
    [property: JsonPropertyName("scp")] string Scp);
