using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Dialogs;
using Scoring.Scheme;

namespace Bot.Staff.Dialogs;

/// <summary>
/// Moving through the rubric's leaves, shared by self-scoring and appraisal: the next leaf still
/// to do, the previous one, a jump by "tiêu chí 4" or "mục 4.3.b", and reading a typed score.
/// </summary>
public sealed partial class RubricWalk(Rubric rubric, StaffTexts texts)
{
    private readonly ScoreWords spoken = new(texts);

    public Rubric Rubric => rubric;

    /// <summary>A criterion's number as the guide counts them, from 1.</summary>
    public int CriterionNumber(RubricItem criterion) => rubric.Criteria.ToList().IndexOf(criterion) + 1;

    /// <summary>The first leaf after <paramref name="current"/> (wrapping round) that is not done and not put off; null when none is left.</summary>
    public string? Next(string? current, Func<string, bool> done, IReadOnlyCollection<string> skipped)
    {
        var leaves = rubric.Leaves;
        var start = current is null ? -1 : IndexOf(current);
        for (var step = 1; step <= leaves.Count; step++)
        {
            var leaf = leaves[(start + step + leaves.Count) % leaves.Count];
            if (!done(leaf.Id) && !skipped.Contains(leaf.Id))
            {
                return leaf.Id;
            }
        }
        return null;
    }

    public string? Previous(string current) => IndexOf(current) is > 0 and var index ? rubric.Leaves[index - 1].Id : null;

    /// <summary>
    /// "tiêu chí 4" → the first leaf of TC4; "mục 4.3.b" (or just "4.3.b") → that leaf, or the first
    /// leaf under a parent item. Null when the text is not a jump; <see cref="JumpResult.Unknown"/> when it names nothing.
    /// </summary>
    public JumpResult? Jump(string text)
    {
        if (texts.Criterion.Command(text) is { Length: > 0 } number)
        {
            var criterion = rubric.Criteria.FirstOrDefault(c => c.Id.Equals("TC" + number.Trim(), StringComparison.OrdinalIgnoreCase));
            return criterion is null ? JumpResult.Unknown : new JumpResult(FirstLeaf(criterion).Id);
        }
        if (texts.ItemWord.Command(text) is { Length: > 0 } named)
        {
            return Find(named.Trim()) is { } item ? new JumpResult(FirstLeaf(item).Id) : JumpResult.Unknown;
        }
        // Without "mục", only ids that cannot be a score ("4.3.b", "TC2") jump: "1.5" is a score.
        var bare = text.Trim();
        return bare.Any(char.IsLetter) && ItemId().IsMatch(bare) && Find(bare) is { } found ? new JumpResult(FirstLeaf(found).Id) : null;
    }

    private RubricItem? Find(string id) =>
        ItemId().IsMatch(id) ? rubric.Find(id.ToLowerInvariant()) ?? rubric.Find(id.ToUpperInvariant()) : null;

    /// <summary>A score typed for a leaf: a number (<see cref="ReadScore(string)"/>), or "tối đa" for the leaf's full marks.</summary>
    public (decimal Score, string? Note)? ReadScore(string text, string leafId) =>
        IsFullMarks(text) && rubric.Find(leafId) is { } leaf ? (leaf.Max, null) : ReadScore(text);

    /// <summary>A score with no note ("1", "tối đa"), whichever leaf it is for.</summary>
    public bool IsBareScore(string text) => IsFullMarks(text) || ReadScore(text) is { Note: null };

    private bool IsFullMarks(string text) => texts.FullMarks.Matches(TextNormalizer.Key(text));

    /// <summary>
    /// "1", "0,5", "0.5 điểm", "1 - Biên bản số 12", "0,5 thiếu biên bản": a number, and a note (the
    /// evidence, or an appraiser's reason) after a dash or colon, or after a space when it begins with a letter.
    /// Said politely too ("dạ chấm 1", "được 0,5 điểm nhé", "1 điểm ạ"): the words before the number and the
    /// particles after it are neither the score nor its note. Said in words too ("một điểm", "nửa điểm": <see cref="ScoreWords"/>).
    /// </summary>
    public (decimal Score, string? Note)? ReadScore(string text)
    {
        var words = TextNormalizer.Nfc(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var lead = 0;
        while (lead < words.Length - 1 && texts.ScoreLead.Matches(TextNormalizer.Key(words[lead])))
        {
            lead++;
        }
        return ReadNumberAndNote(spoken.ToDigits(lead == 0 ? TextNormalizer.Nfc(text) : string.Join(' ', words[lead..]))) is { } read
            ? (read.Score, read.Note is { } note && texts.ScoreTail.Matches(TextNormalizer.Key(note)) ? null : read.Note)
            : null;
    }

    private static (decimal Score, string? Note)? ReadNumberAndNote(string text)
    {
        var match = Score().Match(TextNormalizer.Nfc(text));
        if (!match.Success)
        {
            return null;
        }
        var number = decimal.Parse(match.Groups["n"].Value.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var note = match.Groups["note"].Success ? match.Groups["note"].Value.Trim() : null;
        return (number, string.IsNullOrEmpty(note) ? null : note);
    }

    private int IndexOf(string leafId)
    {
        for (var i = 0; i < rubric.Leaves.Count; i++)
        {
            if (rubric.Leaves[i].Id == leafId)
            {
                return i;
            }
        }
        return -1;
    }

    private static RubricItem FirstLeaf(RubricItem item) => item.IsLeaf ? item : FirstLeaf(item.Children[0]);

    [GeneratedRegex(@"^(?:TC\d+|\d+(?:\.\d+)*(?:\.[a-z](?:\.\d+)?)?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ItemId();

    /// <summary>What sets a note apart from the score before it ("1 - Biên bản số 12", "0,5: thiếu biên bản"), in words or digits.</summary>
    internal const string NoteSeparators = "-–—:;|";

    [GeneratedRegex(@"^(?<n>\d{1,3}(?:[.,]\d{1,2})?)\s*(?:điểm|diem|đ)?(?:\s*[" + NoteSeparators + @"]\s*(?<note>.+)|\s+(?<note>\p{L}.*))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Score();
}

/// <summary>Where a jump lands; <see cref="Unknown"/> when the criterion or item does not exist.</summary>
public sealed record JumpResult(string? LeafId)
{
    public static readonly JumpResult Unknown = new((string?)null);
}
