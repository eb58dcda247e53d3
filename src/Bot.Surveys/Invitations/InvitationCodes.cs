using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Bot.Dialogs;
using Bot.Turns;
using Microsoft.Extensions.Options;

namespace Bot.Surveys.Invitations;

/// <summary>
/// The codes of survey invitations, and the keyed hashes that stand for cases, devices and
/// addresses. A citizen's code is derived from the commune and case code with a key of ours
/// (derived from SurveyLinks:LinkKey), so the same case always gets the same code without the
/// case code being stored, and nobody without the key can make one. Codes are 8 characters from
/// an alphabet without look-alikes (40 bits), shown as "K7M2-QX9P"; only their SHA-256 is a key.
/// </summary>
public sealed partial class InvitationCodes(IOptions<SurveyLinkOptions> options, BotTexts texts)
{
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private const int CodeLength = 8;
    private const int SignatureChars = 16;
    private const int HashChars = 22;

    private readonly byte[] _key = HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.LinkKey), "survey-invitations"u8);

    /// <summary>The citizen invitation of one case file: the same case, the same code.</summary>
    public string ForCase(string communeId, string caseCode) => Code($"case\n{communeId}\n{caseCode}");

    /// <summary>A cadre's invitation, from the registration that names them.</summary>
    public string ForRegistration(string registrationId) => Code($"cadre\n{registrationId}");

    /// <summary>What a cadre's form stands for in the scoring core: their registration, under this prefix.</summary>
    public const string RegistrationPrefix = "r-";

    /// <summary>A cadre's code again, from the reference their invitation carries; null for a reference that is not a registration.</summary>
    public string? ForRegistrationReference(string reference) =>
        reference.StartsWith(RegistrationPrefix, StringComparison.Ordinal) ? ForRegistration(reference[RegistrationPrefix.Length..]) : null;

    /// <summary>What the scoring core keeps of a case: a keyed hash, so answers cannot be tied back to a case without our key.</summary>
    public string CaseReference(string communeId, string caseCode) => "c-" + Hash($"case-ref\n{communeId}\n{caseCode}");

    /// <summary>A keyed hash of a device id or an address, for the core's burst checks; never the value itself.</summary>
    public string Hash(string value) => Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(value)))[..HashChars];

    /// <summary>The start event's link for an invitation page: "i/{code}/{signature}".</summary>
    public const string LinkPrefix = "i/";

    /// <summary>The invitation page's path after "/s/": the code and its signature.</summary>
    public string LinkPath(string code) => $"{LinkPrefix}{code}/{Sign(code)}";

    /// <summary>The invitation page's address, printed as the QR code on the receipt.</summary>
    public string PageUrl(string origin, string code) => $"{origin}/s/{LinkPath(code)}";

    /// <summary>The signature that goes into the invitation's page address with its code.</summary>
    public string Sign(string code) => Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("page\n" + code)))[..SignatureChars];

    /// <summary>The code of a page address "{code}/{signature}" if the signature is ours; null for anything else.</summary>
    public string? ReadSigned(string? code, string? signature)
    {
        if (Normalise(code) is not { } normal || signature?.Length != SignatureChars)
        {
            return null;
        }
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(normal)), Encoding.ASCII.GetBytes(signature)) ? normal : null;
    }

    /// <summary>"k7m2 qx9p", "K7M2QX9P" or "K7M2-QX9P" as typed → "K7M2-QX9P"; null if it cannot be a code.</summary>
    public static string? Normalise(string? typed)
    {
        // Only the code's own shape (4 + 4), so a commune's name typed after "khảo sát" is never taken for one.
        if (typed is null || !TypedShape().IsMatch(typed.Trim()))
        {
            return null;
        }
        var letters = new string(typed.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return letters.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? $"{letters[..4]}-{letters[4..]}" : null;
    }

    [GeneratedRegex("^[A-Za-z0-9]{4}[- ]?[A-Za-z0-9]{4}$")]
    private static partial Regex TypedShape();

    /// <summary>What Redis keys an invitation by: the SHA-256 of its code, never the code.</summary>
    public static string StorageHash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(code)));

    /// <summary>An invitation page address inside a message ("…/s/i/{code}/{signature}"), shared into a chat.</summary>
    public string? FindIn(string? text)
    {
        var match = text is null ? null : PageAddress().Match(text);
        return match is { Success: true } ? ReadSigned(match.Groups[1].Value, match.Groups[2].Value) : null;
    }

    /// <summary>
    /// The invitation code this turn's message carries: its page's address shared into the chat, or
    /// the code typed (see <see cref="Typed"/>). Read once a turn: the staff's own-case route and the
    /// survey's routes all ask, on every message.
    /// </summary>
    public string? InMessage(TurnContext turn) =>
        turn.Memo(() => new CarriedCode(FindIn(turn.Text) ?? Typed(turn.Text))).Code;

    /// <summary>
    /// A code typed: after the survey word, as the invitation says ("khảo sát K7M2-QX9P", "khao sat
    /// k7m2 qx9p ạ"); or sent without it, as people do: as printed, with its dash, anywhere in the
    /// message ("K7M2-QX9P", "mã K7M2-QX9P ạ"), or without the dash when it has a digit, which no commune's
    /// name has: alone ("k7m2qx9p"), or in a sentence with a space for the dash ("mã của tôi là K7M2 QX9P ạ").
    /// </summary>
    public string? Typed(string text)
    {
        if (texts.Survey.RestOf(text) is { } rest)
        {
            return Normalise(rest) ?? Normalise(texts.Politeness.Strip(TextNormalizer.Key(rest)));
        }
        if (PrintedCode().Match(text) is { Success: true } printed)
        {
            return Normalise(printed.Value);
        }
        if (Normalise(text) is { } bare)
        {
            return bare.Any(char.IsAsciiDigit) ? bare : null;
        }
        foreach (Match spaced in SpacedCode().Matches(text))
        {
            if (Normalise(spaced.Value) is { } code && code.Any(char.IsAsciiDigit))
            {
                return code;
            }
        }
        return null;
    }

    [GeneratedRegex("(?<![A-Za-z0-9-])[A-Za-z0-9]{4} [A-Za-z0-9]{4}(?![A-Za-z0-9-])")]
    private static partial Regex SpacedCode();

    [GeneratedRegex("(?<![A-Za-z0-9-])[A-Za-z0-9]{4}-[A-Za-z0-9]{4}(?![A-Za-z0-9-])")]
    private static partial Regex PrintedCode();

    /// <summary>Whether this turn's message carries an invitation code (see <see cref="InMessage"/>).</summary>
    public bool CarriesCode(TurnContext turn) => InMessage(turn) is not null;

    private sealed record CarriedCode(string? Code);

    [GeneratedRegex(@"/s/i/([A-Z0-9]{4}-[A-Z0-9]{4})/([A-Za-z0-9_-]{16})(?![A-Za-z0-9_-])")]
    private static partial Regex PageAddress();

    private string Code(string material)
    {
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(material));
        var code = new StringBuilder(CodeLength + 1);
        for (var i = 0; i < CodeLength; i++)
        {
            if (i == 4)
            {
                code.Append('-');
            }
            // 31 symbols from a byte each: the bias (256 mod 31) is far below what guessing could use.
            code.Append(Alphabet[mac[i] % Alphabet.Length]);
        }
        return code.ToString();
    }
}
