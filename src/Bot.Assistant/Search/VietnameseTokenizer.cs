using System.Text;

namespace Bot.Assistant.Search;

/// <summary>
/// Splits Vietnamese into search terms without diacritics or case ("Hòm thư" and "hom thu" are the
/// same), keeping item ids and decimals whole ("4.3.b", "0,5"). Vietnamese words are mostly two
/// syllables, so adjacent syllables also make a term ("hom_thu"), which tells "hòm thư góp ý"
/// from a passage that merely has "thư" and "hòm" far apart.
/// </summary>
public static class VietnameseTokenizer
{
    public static IReadOnlyList<string> Syllables(string? text)
    {
        var folded = Bot.Dialogs.TextNormalizer.Fold(text);
        var syllables = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
            }
            else if ((c == '.' || c == ',') && current.Length > 0 && char.IsDigit(current[0]) && i + 1 < folded.Length && char.IsLetterOrDigit(folded[i + 1]))
            {
                // Inside an id or a decimal: "4.3.b", "0,5".
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                syllables.Add(current.ToString());
                current.Clear();
            }
        }
        if (current.Length > 0)
        {
            syllables.Add(current.ToString());
        }
        return syllables;
    }

    /// <summary>Every syllable and every pair of neighbouring syllables.</summary>
    public static IReadOnlyList<string> Terms(string? text) => Terms(Syllables(text));

    public static IReadOnlyList<string> Terms(IReadOnlyList<string> syllables)
    {
        var terms = new List<string>(syllables.Count * 2);
        terms.AddRange(syllables);
        for (var i = 1; i < syllables.Count; i++)
        {
            terms.Add(syllables[i - 1] + "_" + syllables[i]);
        }
        return terms;
    }
}
