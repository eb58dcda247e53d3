using Bot.Dialogs;

namespace Bot.Units;

/// <summary>
/// Matches a typed commune name without needing diacritics or the "xã/phường/thị trấn" prefix:
/// exact names first, then names that contain what was typed.
/// </summary>
public static class CommuneNameMatcher
{
    private const int MaxCandidates = 8;
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

    private static string Bare(string key) =>
        Prefixes.FirstOrDefault(p => key.StartsWith(p, StringComparison.Ordinal)) is { } prefix ? key[prefix.Length..] : key;
}
