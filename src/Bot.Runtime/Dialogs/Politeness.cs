using Scoring.Text;

namespace Bot.Dialogs;

/// <summary>
/// Elderly people answer politely: "dạ tốt", "tốt ạ", "vâng, khá ạ", "thưa, bình thường", and say
/// how much after it: "khá lắm", "tốt quá ạ", "bình thường thôi"; they talk to the bot as to a grandchild ("tốt cháu ạ", "cháu ơi,
/// khá") and say whose view it is ("bác thấy bình thường"). The particles around an answer are not the answer;
/// this takes them off a key (<see cref="TextNormalizer.Key"/>), and is only tried after the whole
/// text failed to match, so a word that is an answer on its own stays one. So are the words that say an answer is
/// chosen ("tôi chọn khá", "chọn số 2", "số 3"), which the prompt's "gõ số" invites. The words are
/// dialogs/text/bot.vi.json's "words.beforeAnswer" and "words.afterAnswer".
/// </summary>
public sealed class Politeness
{
    // As keys, longest first, so "da vang" goes before "da" and "a nhe" before "a".
    private readonly string[] _leading;
    private readonly string[] _trailing;

    /// <param name="leading">The words said before an answer, "a|b|c".</param>
    /// <param name="trailing">
    /// The words said after it. "cháu", "con", "em": the bot addressed as the younger one ("tốt cháu ạ"); "thôi": "just"
    /// ("bình thường thôi"), never taken off a word on its own, so "thôi" alone still stops.
    /// </param>
    public Politeness(string leading, string trailing)
    {
        _leading = KeysLongestFirst(leading);
        _trailing = KeysLongestFirst(trailing);
    }

    public static Politeness From(TextCatalog catalog) =>
        new(catalog.Format("words.beforeAnswer"), catalog.Format("words.afterAnswer"));

    public string Strip(string key)
    {
        // Every command word list (thirty of them) tries this on the same key of every message outside a survey:
        // the last key's answer is kept, as TextNormalizer.Key keeps the last text's key, which it hands out as the same string.
        if (t_last is { } last && ReferenceEquals(last.Owner, this) && ReferenceEquals(last.Key, key))
        {
            return last.Stripped;
        }
        var stripped = StripParticles(key);
        t_last = (this, key, stripped);
        return stripped;
    }

    [ThreadStatic]
    private static (Politeness Owner, string Key, string Stripped)? t_last;

    private string StripParticles(string key)
    {
        // It looks at the text in place and allocates only the answer it returns, and only when a particle came off.
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
            if (WordList.LeadingWordOf(rest, _leading) is { } lead)
            {
                rest = rest[(lead.Length + 1)..];
            }
            if (rest.Length == before)
            {
                return rest.Length == key.Length ? key : rest.ToString();
            }
        }
    }

    /// <summary>The key without the particles at its end only ("cam on chau a" → "cam on"); the key itself when there are none.</summary>
    public string StripTrailing(string key)
    {
        var rest = key.AsSpan();
        while (Trails(rest) is var trail and > 0)
        {
            rest = rest[..^(trail + 1)];
        }
        return rest.Length == key.Length ? key : rest.ToString();
    }

    /// <summary>The length of the first trailing particle the text ends with, after a space; 0 for none.</summary>
    private int Trails(ReadOnlySpan<char> text) => WordList.TrailingWordOf(text, _trailing)?.Length ?? 0;

    private static string[] KeysLongestFirst(string words) =>
        [.. words.Split('|').Select(TextNormalizer.Key).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(k => k.Length)];
}
