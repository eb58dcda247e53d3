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

    /// <summary>Whether the text could be a code at all, before anything is looked up.</summary>
    public static bool LooksLikeOne(string typed) =>
        typed.Count(char.IsLetterOrDigit) == Length && typed.All(c => char.IsLetterOrDigit(c) || c is '-' or ' ');
}
