using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Bot.Surveys;

/// <summary>
/// Survey links for QR codes: "{form}/{communeId}/{signature}". The signature (HMAC-SHA256 with
/// a key of our own, cut to 96 bits) means a link was made by us, so a hand-edited link to
/// another form or a made-up commune is refused. Printed codes live a year: keep the key stable.
/// </summary>
public sealed partial class SurveyLinks(IOptions<SurveyLinkOptions> options)
{
    private const int SignatureChars = 16;

    private readonly byte[] _key = Encoding.UTF8.GetBytes(options.Value.LinkKey);

    public SurveyLink Make(string form, string communeId) => new(form, communeId, Sign(form, communeId));

    /// <summary>The form and commune of a genuine link; null for anything else.</summary>
    public SurveyLink? Read(string? form, string? communeId, string? signature)
    {
        if (string.IsNullOrEmpty(form) || string.IsNullOrEmpty(communeId) || signature?.Length != SignatureChars || form.Length > 32 || communeId.Length > 64)
        {
            return null;
        }
        var expected = Encoding.ASCII.GetBytes(Sign(form, communeId));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature)) ? new SurveyLink(form, communeId, signature) : null;
    }

    /// <summary>Reads the "{form}/{communeId}/{signature}" form that the page sends back in its startSurvey event.</summary>
    public SurveyLink? Read(string? link)
    {
        var parts = link?.Split('/');
        return parts is { Length: 3 } ? Read(parts[0], parts[1], parts[2]) : null;
    }

    /// <summary>
    /// A genuine survey page address inside a message ("…/s/{form}/{communeId}/{signature}"):
    /// on Zalo a person shares the desk's link into the OA chat to take the survey there.
    /// </summary>
    public SurveyLink? FindIn(string? text)
    {
        var match = text is null ? null : PageAddress().Match(text);
        return match is { Success: true } ? Read(match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value) : null;
    }

    [GeneratedRegex(@"/s/([A-Za-z0-9_-]{1,32})/([A-Za-z0-9_.-]{1,64})/([A-Za-z0-9_-]{16})(?![A-Za-z0-9_-])")]
    private static partial Regex PageAddress();

    private string Sign(string form, string communeId)
    {
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{form}\n{communeId}"));
        return Base64Url.EncodeToString(mac)[..SignatureChars];
    }
}

public sealed record SurveyLink(string Form, string CommuneId, string Signature)
{
    public string Path => $"{Form}/{CommuneId}/{Signature}";
}

/// <summary>Configuration section "SurveyLinks".</summary>
public sealed class SurveyLinkOptions
{
    public const string Section = "SurveyLinks";

    /// <summary>Signs the links in QR codes. From environment or user secrets; changing it voids every printed code.</summary>
    public string LinkKey { get; set; } = "";

    /// <summary>Key for GET /api/admin/survey-links (header X-Api-Key), where an administrator gets each commune's links and posters.</summary>
    public string AdminKey { get; set; } = "";

    /// <summary>The address citizens' phones reach the service at, for QR codes (default: the address the request came to).</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Where phones reach the service: <see cref="PublicBaseUrl"/>, or else the address this request came to.</summary>
    public string Origin(HttpRequest request) =>
        PublicBaseUrl?.ToString().TrimEnd('/') ?? $"{request.Scheme}://{request.Host}{request.PathBase}";
}
