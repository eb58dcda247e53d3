using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Bot.Surveys;
using Microsoft.Extensions.Options;

namespace Bot.Staff.Exports;

/// <summary>
/// Download links for "xuất báo cáo": "/exports/{token}/{file}", where the token names the person
/// who asked, the unit, the year and an expiry, signed with HMAC-SHA256 under a key derived from
/// SurveyLinks:LinkKey for this purpose only. At download the person's enrolment is checked again,
/// so a revoked person's links stop working, and nobody can widen a link's unit.
/// </summary>
public sealed class ExportLinks(IOptions<SurveyLinkOptions> linkOptions, IOptions<ExportOptions> options, TimeProvider clock)
{
    private const int SignatureChars = 32;

    private readonly byte[] _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(linkOptions.Value.LinkKey), 32, info: Encoding.UTF8.GetBytes("exports"));

    public (string Token, DateTimeOffset Expires) Make(string personId, string unitId, int year)
    {
        var expires = clock.GetUtcNow() + options.Value.LinkLifetime;
        var payload = string.Join('|', personId, unitId, year.ToString(CultureInfo.InvariantCulture), expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        var encoded = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload));
        return ($"{encoded}.{Sign(encoded)}", expires);
    }

    /// <summary>The grant of a genuine, unexpired token; null for anything else.</summary>
    public ExportGrant? Read(string? token)
    {
        var parts = token?.Split('.');
        if (parts is not [var encoded, var signature] || encoded.Length > 400 || signature.Length != SignatureChars)
        {
            return null;
        }
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(encoded)), Encoding.ASCII.GetBytes(signature)))
        {
            return null;
        }
        var fields = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(encoded)).Split('|');
        if (fields is not [var personId, var unitId, var yearText, var expiresText]
            || !int.TryParse(yearText, CultureInfo.InvariantCulture, out var year)
            || !long.TryParse(expiresText, CultureInfo.InvariantCulture, out var expiresUnix)
            || DateTimeOffset.FromUnixTimeSeconds(expiresUnix) <= clock.GetUtcNow())
        {
            return null;
        }
        return new ExportGrant(personId, unitId, year);
    }

    private string Sign(string encoded) => Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(encoded)))[..SignatureChars];
}

public sealed record ExportGrant(string PersonId, string UnitId, int Year);
