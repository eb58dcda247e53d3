using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Bot.Channels.Zalo;

/// <summary>
/// X-ZEvent-Signature: "mac=" + hex(SHA-256(appId + raw body + timestamp + OA secret key)),
/// over the bytes exactly as received (a re-serialised or normalised body would not match).
/// </summary>
public static class ZaloSignature
{
    public static bool IsValid(ReadOnlySpan<byte> body, string? header, string appId, string? timestamp, string oaSecretKey)
    {
        if (string.IsNullOrWhiteSpace(header) || string.IsNullOrEmpty(timestamp) || oaSecretKey.Length == 0)
        {
            return false;
        }
        var given = header.Trim();
        if (given.StartsWith("mac=", StringComparison.OrdinalIgnoreCase))
        {
            given = given[4..].Trim();
        }
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(body, appId, timestamp, oaSecretKey)), Encoding.ASCII.GetBytes(given.ToLowerInvariant()));
    }

    public static string Compute(ReadOnlySpan<byte> body, string appId, string timestamp, string oaSecretKey)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(appId));
        sha.AppendData(body);
        sha.AppendData(Encoding.UTF8.GetBytes(timestamp));
        sha.AppendData(Encoding.UTF8.GetBytes(oaSecretKey));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>
    /// The top-level "timestamp" that the signature covers, read with a forward-only reader: no
    /// event object is built from an unverified body. Null when the body is not a JSON object.
    /// </summary>
    public static string? Timestamp(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isTimestamp = reader.ValueTextEquals("timestamp"u8);
                reader.Read();
                if (isTimestamp)
                {
                    return reader.TokenType is JsonTokenType.String or JsonTokenType.Number ? Encoding.UTF8.GetString(reader.ValueSpan) : null;
                }
                reader.Skip();
            }
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
