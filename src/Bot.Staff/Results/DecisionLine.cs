using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Dialogs;

namespace Bot.Staff.Results;

/// <summary>
/// What follows "công nhận" or "thu hồi công nhận", as an official types it:
/// "Cẩm Vũ 16/QĐ-UBND 15/01/2027", "xã Cẩm Vũ theo quyết định số 16/QĐ-UBND ngày 15/1/2027 năm 2026",
/// "Cẩm Vũ 20/QĐ-UBND vi phạm kỷ luật". The decision number is the first word that starts with
/// digits and a slash and has a letter in it (a date has none); the commune is what comes before.
/// </summary>
public sealed partial record DecisionLine(string Commune, string? Decision, DateOnly? DecidedOn, int? Year, string Rest)
{
    /// <summary>Longest lead phrase looked for at the end of the commune's words: "theo quyết định số" is four.</summary>
    private const int LongestLead = 4;

    public static DecisionLine Parse(string text, StaffTexts texts)
    {
        var words = TextNormalizer.Nfc(text).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        int? year = null;
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (texts.YearWord.Matches(TextNormalizer.Key(words[i])) && YearWord().IsMatch(words[i + 1]))
            {
                year = int.Parse(words[i + 1], CultureInfo.InvariantCulture);
                words.RemoveRange(i, 2);
                break;
            }
        }
        var at = words.FindIndex(w => DecisionWord().IsMatch(w));
        if (at < 0)
        {
            return new DecisionLine(string.Join(' ', words), null, null, year, "");
        }
        var commune = WithoutLead(words[..at], texts.DecisionLead);
        var after = words[(at + 1)..];
        if (after.Count > 0 && texts.DayWord.Matches(TextNormalizer.Key(after[0])))
        {
            after.RemoveAt(0);
        }
        DateOnly? day = null;
        if (after.Count > 0 && DateOnly.TryParseExact(after[0].TrimEnd(',', ';', ':', '.'), ["d/M/yyyy", "d-M-yyyy", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            day = parsed;
            after.RemoveAt(0);
        }
        return new DecisionLine(string.Join(' ', commune), words[at].TrimEnd(',', ';', '.'), day, year, string.Join(' ', after).Trim(' ', ',', ';', ':', '-'));
    }

    /// <summary>
    /// The commune's words without "theo quyết định số" at their end, taken as whole phrases: "Yên Định" keeps its
    /// "Định", which a list of single words would have taken for the "định" of "quyết định".
    /// </summary>
    private static List<string> WithoutLead(List<string> words, WordList lead)
    {
        for (var n = Math.Min(LongestLead, words.Count); n > 0; n--)
        {
            if (lead.Matches(TextNormalizer.Key(string.Join(' ', words[^n..]))))
            {
                return words[..^n];
            }
        }
        return words;
    }

    [GeneratedRegex(@"^\d+/\S*\p{L}\S*$")]
    private static partial Regex DecisionWord();

    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex YearWord();
}
