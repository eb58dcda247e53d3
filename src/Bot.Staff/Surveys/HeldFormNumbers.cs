using System.Globalization;

namespace Bot.Staff.Surveys;

/// <summary>
/// The numbers of the held-form list that a decision names, and its reason: "2 lý do", "1,3 lý do",
/// "2-5 lý do", "1, 3–5 lý do". An appraiser deciding on a commune's tablet forms names them at once.
/// Numbers continue only across a comma or dash, so a reason that begins with a number stays the reason.
/// </summary>
public static class HeldFormNumbers
{
    private static readonly char[] Dashes = ['-', '–'];

    /// <summary>The numbers in order, each once, all within 1..<paramref name="count"/>, and the rest as the reason; null when they are not.</summary>
    public static (IReadOnlyList<int> Numbers, string Reason)? Read(string rest, int count)
    {
        var words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var taken = 0;
        var numbers = "";
        while (taken < words.Length && IsNumbersWord(words[taken]) && (taken == 0 || Continues(numbers, words[taken])))
        {
            numbers += words[taken++];
        }
        if (taken == 0 || Parse(numbers, count) is not { } parsed)
        {
            return null;
        }
        return (parsed, string.Join(' ', words[taken..]));
    }

    private static bool IsNumbersWord(string word) => word.All(c => char.IsAsciiDigit(c) || c == ',' || Dashes.Contains(c));

    private static bool Continues(string numbers, string next) =>
        numbers[^1] == ',' || Dashes.Contains(numbers[^1]) || next[0] == ',' || Dashes.Contains(next[0]);

    private static List<int>? Parse(string numbers, int count)
    {
        var chosen = new SortedSet<int>();
        foreach (var part in numbers.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var ends = part.Split(Dashes);
            if (ends.Length > 2 || !int.TryParse(ends[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
                || !int.TryParse(ends[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var to) || from < 1 || to > count || from > to)
            {
                return null;
            }
            for (var n = from; n <= to; n++)
            {
                chosen.Add(n);
            }
        }
        return chosen.Count == 0 ? null : [.. chosen];
    }
}
