using System.Globalization;
using System.Text.RegularExpressions;
using Scoring.Scheme;

namespace Bot.Assistant.Questions;

/// <summary>
/// Reads what a question names: rubric ids ("mục 4.3.b", "tiêu chí 4", "tc4", "phần A", "A1"), a
/// level ("mức 3", "mức độ ba", "đạt chuẩn"), a year and a total ("87,5 điểm"). Without diacritics
/// "mục" and "mức" are both "muc"; no rubric id is a bare digit, so "muc 3" is always a level.
/// </summary>
public sealed partial class QuestionReader(Rubric rubric, AssistantTexts texts)
{
    private static readonly Dictionary<string, int> NumberWords = new(StringComparer.Ordinal)
    {
        // Not "tư" or "năm": without diacritics they are "tự chấm" and "năm 2026".
        ["mot"] = 1, ["hai"] = 2, ["ba"] = 3, ["bon"] = 4,
    };

    /// <param name="atItem">The item being scored or appraised, which "mục này" names (and "tiêu chí này" its criterion).</param>
    public Question Read(string text, string? atItem = null)
    {
        var bare = new Question(text);
        var s = bare.Syllables;
        var ids = new List<string>();
        int? level = null;
        int? year = null;
        decimal? points = null;
        for (var i = 0; i < s.Count; i++)
        {
            var next = i + 1 < s.Count ? s[i + 1] : "";
            if (ItemId().IsMatch(s[i]) && rubric.Find(s[i]) is not null)
            {
                ids.Add(s[i]);
            }
            else if ((s[i] == "tc" || (s[i] == "tieu" && next == "chi")) && Number(s, s[i] == "tc" ? i + 1 : i + 2) is >= 1 and <= 5 and var criterion)
            {
                ids.Add("TC" + criterion);
            }
            else if (CriterionToken().Match(s[i]) is { Success: true } tc && rubric.Find("TC" + tc.Groups[1].Value) is not null)
            {
                ids.Add("TC" + tc.Groups[1].Value);
            }
            else if (s[i] is "a1" or "a2")
            {
                ids.Add(s[i].ToUpperInvariant());
            }
            else if (s[i] == "phan" && next is "a" or "b")
            {
                ids.Add(next.ToUpperInvariant());
            }
            else if (s[i] == "muc" && (next == "do" ? Number(s, i + 2) : Number(s, i + 1)) is >= 1 and <= 4 and var named)
            {
                level = named;
            }
            else if (s[i] == "khong" && next == "dat" && i + 2 < s.Count && s[i + 2] == "chuan")
            {
                level = 0;
            }
            else if (s[i].Length == 4 && int.TryParse(s[i], NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100)
            {
                year = y;
            }
            else if (next == "diem" && decimal.TryParse(s[i].Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var p))
            {
                points = p;
            }
        }
        if (ids.Count == 0 && atItem is not null && rubric.Find(atItem) is { } current)
        {
            if (texts.ThisItem.FoundIn(bare))
            {
                ids.Add(current.Id);
            }
            else if (texts.ThisCriterion.FoundIn(bare))
            {
                ids.Add(rubric.CriterionOf(current).Id);
            }
        }
        if (level is null && bare.Contains("dat chuan"))
        {
            level = 1;
        }
        var yearsFromNow = texts.RelativeYears.FirstOrDefault(year => year.Phrases.FoundIn(bare)).Offset;
        return bare.With(ids.Distinct().ToList(), level, year, points, yearsFromNow);
    }

    private static int? Number(IReadOnlyList<string> s, int at) =>
        at >= s.Count ? null
        : int.TryParse(s[at], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : NumberWords.TryGetValue(s[at], out var word) ? word : null;

    [GeneratedRegex(@"^\d\.\d(\.[a-e])?(\.\d)?$")]
    private static partial Regex ItemId();

    [GeneratedRegex(@"^tc([1-5])$")]
    private static partial Regex CriterionToken();
}
