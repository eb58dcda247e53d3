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
    private static readonly string[] Fillers = ["theo", "quyết", "định", "quyet", "dinh", "qđ", "qd", "số", "so", "ngày", "ngay"];

    public static DecisionLine Parse(string text)
    {
        var words = TextNormalizer.Nfc(text).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        int? year = null;
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (TextNormalizer.Key(words[i]) == "nam" && YearWord().IsMatch(words[i + 1]))
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
        var commune = words[..at];
        while (commune.Count > 0 && Fillers.Contains(commune[^1].ToLowerInvariant()))
        {
            commune.RemoveAt(commune.Count - 1);
        }
        var after = words[(at + 1)..];
        if (after.Count > 0 && TextNormalizer.Key(after[0]) == "ngay")
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

    [GeneratedRegex(@"^\d+/\S*\p{L}\S*$")]
    private static partial Regex DecisionWord();

    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex YearWord();
}
