using Bot.Assistant.Search;
using Bot.People;
using Bot.Units;
using ScoringCore.Contracts;

namespace Bot.Assistant.Answers;

/// <summary>
/// The commune a question is about: a staff member's own, or for officials a commune named in the
/// question and within their scope. Names outside the scope are never matched, so an answer
/// cannot tell whether they exist.
/// </summary>
public static class CommuneMention
{
    private static readonly string[] Prefixes = ["xa ", "phuong ", "thi tran "];

    public static UnitDto? Find(Question question, Person person, UnitTree tree)
    {
        if (person.Role == StaffRole.Staff)
        {
            return tree.Find(person.UnitId);
        }
        return tree.Within(person.UnitId)
            .Where(u => u.Kind == UnitTree.CommuneKind && u.Name is not null)
            .Select(u => (Unit: u, Name: Bare(u.Name!)))
            .Where(c => c.Name.Length > 0 && question.Contains(c.Name))
            .OrderByDescending(c => c.Name.Length)
            .Select(c => c.Unit)
            .FirstOrDefault();
    }

    /// <summary>
    /// The name typed after "xã", "phường" or "thị trấn" in words that begin with a capital ("xã Abc còn thiếu gì?" → "Abc"),
    /// whether or not such a commune exists; null when none is typed so (lower case cannot tell a name from the next word).
    /// </summary>
    public static string? Typed(Question question)
    {
        var words = question.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var folded = words.Select(w => string.Join(' ', VietnameseTokenizer.Syllables(w))).ToArray();
        for (var i = 0; i < words.Length; i++)
        {
            var kindLength = Prefixes.Select(p => p.TrimEnd().Split(' ')).FirstOrDefault(kind => folded.Skip(i).Take(kind.Length).SequenceEqual(kind))?.Length ?? 0;
            var name = words.Skip(i + kindLength).TakeWhile(w => kindLength > 0 && char.IsUpper(w[0])).Select(w => w.TrimEnd('?', '.', ',', '!')).ToList();
            if (name.Count > 0)
            {
                return string.Join(' ', name);
            }
        }
        return null;
    }

    private static string Bare(string name)
    {
        var folded = string.Join(' ', VietnameseTokenizer.Syllables(name));
        var prefix = Prefixes.FirstOrDefault(p => folded.StartsWith(p, StringComparison.Ordinal));
        return prefix is null ? folded : folded[prefix.Length..];
    }
}
