using System.Security.Cryptography;
using System.Text;

namespace Bot.Staff.Enrolment;

/// <summary>
/// One-time enrolment codes: 12 characters from an alphabet without look-alikes (no 0/O, 1/I/L),
/// shown in groups of four (60 bits). Only a SHA-256 of the normalised code is stored, so a copy of
/// Redis gives no usable code; the entropy, the expiry and the attempt limit make guessing useless.
/// </summary>
public static class EnrolmentCode
{
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private const int Length = 12;

    public static string New()
    {
        var code = new StringBuilder(Length + 2);
        for (var i = 0; i < Length; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                code.Append('-');
            }
            code.Append(Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]);
        }
        return code.ToString();
    }

    /// <summary>The stored form of a code as typed: case, spaces and dashes do not matter, and O/I/L read as 0/1 would never match.</summary>
    public static string Hash(string typed)
    {
        var normal = new string(typed.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normal)));
    }

    /// <summary>
    /// Whether the text could be a code at all, before anything is looked up: twelve letters and digits, spaced as
    /// the person likes, unless it is lower-case letters alone, which must come in the code's groups of four
    /// ("tam tru cho con" is twelve letters too).
    /// </summary>
    public static bool LooksLikeOne(string typed) =>
        typed.Count(char.IsAsciiLetterOrDigit) == Length && OnlyCodeCharacters(typed)
        && (typed.Any(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)) || typed.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).All(group => group.Length % 4 == 0));

    /// <summary>
    /// Whether the text is at least trying to be a code (a code, or a mistyped one: letters and digits as codes have
    /// them), not words such as "khai sinh" from a citizen who came to register a birth. Only such a text is looked up
    /// and, when wrong, counted against the attempts.
    /// </summary>
    public static bool MayBeOne(string typed) =>
        LooksLikeOne(typed) || (OnlyCodeCharacters(typed) && (typed.Any(char.IsAsciiDigit) || !typed.Any(char.IsAsciiLetterLower)));

    private static bool OnlyCodeCharacters(string typed) => typed.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or ' ');
}
