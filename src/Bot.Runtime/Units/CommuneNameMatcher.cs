using Bot.Dialogs;

namespace Bot.Units;

/// <summary>
/// Matches a typed unit name without needing diacritics or its kind ("xã", "phường", "huyện", "tỉnh"…):
/// the name as typed with its kind first ("tỉnh Hải Dương"), then the bare name ("Hải Dương": the province and
/// its city alike, for the person to choose), then names that contain what was typed.
/// </summary>
public static class CommuneNameMatcher
{
    private const int MaxCandidates = 8;

    /// <summary>A name shorter than two short syllables ("an") could be any word in a sentence.</summary>
    private const int MinimumMentioned = 4;
    private static readonly string[] Prefixes = ["xa ", "phuong ", "thi tran ", "thi xa ", "thanh pho ", "tp ", "quan ", "huyen ", "tinh "];

    public static IReadOnlyList<Commune> Match(IEnumerable<Commune> communes, string typed)
    {
        var typedKey = WithKind(TextNormalizer.Key(typed));
        var wanted = Bare(typedKey);
        if (wanted.Length == 0)
        {
            return [];
        }
        var named = communes.Select(c => (Commune: c, Full: WithKind(TextNormalizer.Key(c.Name)))).Select(n => (n.Commune, n.Full, Key: Bare(n.Full))).ToList();
        var asTyped = named.Where(n => n.Full == typedKey).Select(n => n.Commune).ToList();
        if (asTyped.Count > 0)
        {
            return asTyped;
        }
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

    /// <summary>The kind as the name writes it: "tp" is short for "thành phố".</summary>
    private static string WithKind(string key) => key.StartsWith("tp ", StringComparison.Ordinal) ? "thanh pho " + key[3..] : key;

    private static string Bare(string key) =>
        Prefixes.FirstOrDefault(p => key.StartsWith(p, StringComparison.Ordinal)) is { } prefix ? key[prefix.Length..] : key;
}
