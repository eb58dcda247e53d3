namespace Bot.Dialogs;

/// <summary>
/// Elderly people answer politely: "dạ tốt", "tốt ạ", "vâng, khá ạ", "thưa, bình thường", and say
/// how much after it: "khá lắm", "tốt quá ạ", "bình thường thôi"; they talk to the bot as to a grandchild ("tốt cháu ạ", "cháu ơi,
/// khá") and say whose view it is ("bác thấy bình thường"). The particles around an answer are not the answer;
/// this takes them off a key (<see cref="TextNormalizer.Key"/>), and is only tried after the whole
/// text failed to match, so a word that is an answer on its own stays one.
/// </summary>
public static class Politeness
{
    // Longest first, so "da vang" goes before "da".
    private static readonly string[] Leading =
    [
        "chau oi", "con oi", "em oi", "toi thay", "bac thay", "chau thay", "con thay", "em thay", "minh thay", "theo toi",
        "da vang", "vang da", "da thua", "thua ong", "thua ba", "da", "vang", "thua", "uh", "u",
    ];

    // "cháu", "con", "em": the bot addressed as the younger one, after the answer ("tốt cháu ạ"); "thôi": "just"
    // ("bình thường thôi"), never taken off a word on its own, so "thôi" alone still stops.
    private static readonly string[] Trailing = ["a nhe", "a nha", "a", "nhe", "nha", "day", "ah", "roi", "lam", "qua", "thoi", "chau", "con", "em"];

    public static string Strip(string key)
    {
        // Every command word list tries this on every message: it looks at the text in place and
        // allocates only the answer it returns, and only when a particle came off.
        // Trailing particles come off first: "vâng ạ" is "vâng", a yes, where taking "vâng" off the
        // front would leave only "ạ".
        var rest = key.AsSpan();
        while (true)
        {
            var before = rest.Length;
            if (Trails(rest) is var trail and > 0)
            {
                rest = rest[..^(trail + 1)];
            }
            if (WordList.LeadingWordOf(rest, Leading) is { } lead)
            {
                rest = rest[(lead.Length + 1)..];
            }
            if (rest.Length == before)
            {
                return rest.Length == key.Length ? key : rest.ToString();
            }
        }
    }

    /// <summary>The length of the first trailing particle the text ends with, after a space; 0 for none.</summary>
    private static int Trails(ReadOnlySpan<char> text)
    {
        foreach (var word in Trailing)
        {
            if (text.Length > word.Length && text[^(word.Length + 1)] == ' ' && text.EndsWith(word, StringComparison.Ordinal))
            {
                return word.Length;
            }
        }
        return 0;
    }
}
