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

    public static string Key(string? text)
    {
        var decomposed = Nfc(text).ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            var mapped = c == 'đ' ? 'd' : c;
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
        return key.ToString().TrimEnd();
    }
}
