using Bot.Dialogs;

namespace Bot.Units;

/// <summary>
/// Matches a typed commune name without needing diacritics or the "xã/phường/thị trấn" prefix:
/// exact names first, then names that contain what was typed.
/// </summary>
public static class CommuneNameMatcher
{
    private const int MaxCandidates = 8;

    /// <summary>A name shorter than two short syllables ("an") could be any word in a sentence.</summary>
    private const int MinimumMentioned = 4;
    private static readonly string[] Prefixes = ["xa ", "phuong ", "thi tran ", "thanh pho ", "tp "];

    public static IReadOnlyList<Commune> Match(IEnumerable<Commune> communes, string typed)
    {
        var wanted = Bare(TextNormalizer.Key(typed));
        if (wanted.Length == 0)
        {
            return [];
        }
        var named = communes.Select(c => (Commune: c, Key: Bare(TextNormalizer.Key(c.Name)))).ToList();
        var exact = named.Where(n => n.Key == wanted).Select(n => n.Commune).ToList();
        if (exact.Count > 0 || wanted.Length < 3)
        {
            return exact;
        }
        return named.Where(n => n.Key.Contains(wanted, StringComparison.Ordinal)).Select(n => n.Commune).Take(MaxCandidates).ToList();
    }

    /// <summary>
    /// The communes whose name a sentence mentions as whole words ("tôi vừa làm thủ tục ở xã Cẩm Vũ", "cam vu a"), the
    /// names within a longer one left out: for a citizen who answers "which commune?" with a sentence rather than a name. Staff
    /// commands do not use it, where words after a name are a reason or a code.
    /// </summary>
    public static IReadOnlyList<Commune> MentionedIn(IEnumerable<Commune> communes, string sentence)
    {
        var said = TextNormalizer.Key(sentence);
        var mentioned = communes.Select(c => (Commune: c, Key: Bare(TextNormalizer.Key(c.Name))))
            .Where(n => n.Key.Length >= MinimumMentioned && TextNormalizer.ContainsWords(said, n.Key))
            .ToList();
        // "Cẩm Vũ Bắc" mentions "Cẩm Vũ" too: a name inside another name mentioned is not offered.
        return [.. mentioned.Where(n => !mentioned.Any(other => other.Key.Length > n.Key.Length && TextNormalizer.ContainsWords(other.Key, n.Key)))
            .Select(n => n.Commune).Take(MaxCandidates)];
    }

    private static string Bare(string key) =>
        Prefixes.FirstOrDefault(p => key.StartsWith(p, StringComparison.Ordinal)) is { } prefix ? key[prefix.Length..] : key;
}
