using System.Globalization;
using System.Text;

namespace Bot.Dialogs;

/// <summary>
/// How typed text is compared: NFC first (phones send both composed and decomposed Vietnamese),
/// then a key without diacritics, case or stray punctuation, so "Tốt", "tot" and " TỐT! " match.
/// </summary>
public static class TextNormalizer
{
    public static string Nfc(string? text) => (text ?? "").Normalize(NormalizationForm.FormC).Trim();

    /// <summary>Lower case without diacritics, "đ" as "d", punctuation kept: the base of <see cref="Key"/> and of the assistant's search terms.</summary>
    public static string Fold(string? text)
    {
        var decomposed = Nfc(text).ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c == 'đ' ? 'd' : c);
            }
        }
        return folded.ToString();
    }

    // The routes and the dialog a turn reaches ask for the key of the same message several times:
    // the last one is kept, per thread so that no lock is needed (a miss only computes it again).
    [ThreadStatic]
    private static (string Text, string Key)? t_lastKey;

    /// <summary>
    /// Whether <paramref name="words"/> (a key, "cam vu") occur in <paramref name="key"/> as whole words: "tại cam vu ạ"
    /// has them, "cam vui" does not. A "?", which keys keep, ends a word ("lam gi?").
    /// </summary>
    public static bool ContainsWords(string key, string words)
    {
        if (words.Length == 0)
        {
            return false;
        }
        for (var at = key.IndexOf(words, StringComparison.Ordinal); at >= 0; at = key.IndexOf(words, at + 1, StringComparison.Ordinal))
        {
            var end = at + words.Length;
            if ((at == 0 || key[at - 1] is ' ' or '?') && (end == key.Length || key[end] is ' ' or '?'))
            {
                return true;
            }
        }
        return false;
    }

    public static string Key(string? text)
    {
        if (text is not null && t_lastKey is { } last && ReferenceEquals(last.Text, text))
        {
            return last.Key;
        }
        var computed = ComputeKey(text);
        if (text is not null)
        {
            t_lastKey = (text, computed);
        }
        return computed;
    }

    private static string ComputeKey(string? text)
    {
        var folded = Fold(text);
        var key = new StringBuilder(folded.Length);
        var lastWasSpace = true;
        foreach (var mapped in folded)
        {
            if (char.IsLetterOrDigit(mapped) || mapped == '?')
            {
                key.Append(mapped);
                lastWasSpace = false;
            }
            else if (!lastWasSpace)
            {
                key.Append(' ');
                lastWasSpace = true;
            }
        }
        // A thumbs-up alone is how many elderly people say yes on Zalo: read as "ok", which the
        // yes lists hold. Beside words ("tốt 👍") it adds nothing, and is dropped as before.
        return key.Length == 0 && IsApprovalOnly(text) ? "ok" : key.ToString().TrimEnd();
    }

    /// <summary>👍, 👌, ✅, ✔️ or 🆗 (any skin tone, repeated), with nothing else but spaces and punctuation.</summary>
    private static bool IsApprovalOnly(string? text)
    {
        var approval = false;
        foreach (var rune in (text ?? "").EnumerateRunes())
        {
            if (rune.Value is 0x1F44D or 0x1F44C or 0x2705 or 0x2714 or 0x1F197)
            {
                approval = true;
            }
            else if (rune.Value is not (>= 0x1F3FB and <= 0x1F3FF or 0xFE0F) && !Rune.IsWhiteSpace(rune) && !Rune.IsPunctuation(rune))
            {
                return false;
            }
        }
        return approval;
    }
}
