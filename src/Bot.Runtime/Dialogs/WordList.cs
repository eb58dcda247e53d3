namespace Bot.Dialogs;

/// <summary>A set of words from dialogs/text ("a|b|c"), matched by <see cref="TextNormalizer.Key"/>.</summary>
public sealed class WordList
{
    private readonly HashSet<string> _keys;
    private readonly Politeness _politeness;

    // Longest first, so "sửa câu 2" is read as "sửa câu" + "2", not "sửa" + "câu 2". Sorted once.
    private readonly string[] _longestFirst;

    // The words as written, in lower case with their diacritics: "dừng" and "đúng" share a key.
    private readonly string[] _written;

    public WordList(string words, Politeness politeness)
    {
        _politeness = politeness;
        var written = words.Split('|');
        Canonical = written[0].Trim();
        _keys = written.Select(TextNormalizer.Key).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
        _longestFirst = [.. _keys.OrderByDescending(k => k.Length)];
        _written = [.. written.Select(w => TextNormalizer.Nfc(w).ToLowerInvariant()).Where(w => w.Length > 0)];
    }

    /// <summary>
    /// <see cref="Matches"/> for what a person typed: when they typed diacritics, one of the words
    /// must be there as written, so "đúng" (right) is never taken for "dừng" (stop), whose key it shares.
    /// </summary>
    public bool MatchesTyped(string text)
    {
        var key = TextNormalizer.Key(text);
        if (!Matches(key))
        {
            return false;
        }
        return WrittenIn(text);
    }

    /// <summary>
    /// Whether the text, as typed, could hold one of the words: it has no diacritics, or one of the words is in it as
    /// written ("đội 3" has the key of "đổi 3" but not its word).
    /// </summary>
    public bool WrittenIn(string text)
    {
        var typed = TextNormalizer.Nfc(text).ToLowerInvariant();
        return TextNormalizer.Fold(typed) == typed || _written.Any(w => typed.Contains(w, StringComparison.Ordinal));
    }

    /// <summary>
    /// Whether the text begins with one of the words, as typed: with its diacritics when it has any, so "Bàn Văn
    /// Lộc" (a name) does not begin with "bản" (a village), whose key its first word shares.
    /// </summary>
    public bool BeginsTyped(string text)
    {
        var typed = TextNormalizer.Nfc(text).ToLowerInvariant();
        return TextNormalizer.Fold(typed) == typed
            ? LeadingWord(TextNormalizer.Key(text)) is not null
            : _written.Any(w => typed.Length > w.Length && typed.StartsWith(w, StringComparison.Ordinal) && typed[w.Length] == ' ');
    }

    /// <summary>The first word as written in the file, for building a button's value.</summary>
    public string Canonical { get; }

    /// <summary>Whether the key is one of the words, said plainly or politely ("dạ, đồng ý ạ").</summary>
    public bool Matches(string key) => _keys.Contains(key) || _keys.Contains(_politeness.Strip(key));

    /// <summary>Whether one of the words is in the key as whole words, anywhere ("tôi không biết ạ" has "không biết").</summary>
    public bool Within(string key)
    {
        foreach (var words in _longestFirst)
        {
            if (TextNormalizer.ContainsWords(key, words))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The rest of the original text after a leading command ("khảo sát cam-vu" → "cam-vu"), kept as typed.</summary>
    public string? RestOf(string text) =>
        LeadingWord(TextNormalizer.Key(text)) is { } word
            ? string.Join(' ', TextNormalizer.Nfc(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(word.Split(' ').Length))
            : null;

    /// <summary>The rest of the key when it starts with one of the words ("sua 2" → "2").</summary>
    public string? Rest(string key) => LeadingWord(key) is { } word ? key[(word.Length + 1)..] : null;

    /// <summary>The key before one of the words at its end ("vang cam on" → "vang"); null when it ends with none, or is only one.</summary>
    public string? Before(string key) => TrailingWordOf(key, _longestFirst) is { } word ? key[..^(word.Length + 1)] : null;

    private string? LeadingWord(string key) => LeadingWordOf(key, _longestFirst);

    /// <summary>
    /// The first of <paramref name="words"/> the text begins with, followed by a space; null for none.
    /// A loop, not LINQ: every command list, and the polite particles, read every message outside a survey.
    /// </summary>
    internal static string? LeadingWordOf(ReadOnlySpan<char> text, string[] words)
    {
        foreach (var word in words)
        {
            if (text.Length > word.Length && text[word.Length] == ' ' && text.StartsWith(word, StringComparison.Ordinal))
            {
                return word;
            }
        }
        return null;
    }

    /// <summary>The first of <paramref name="words"/> the text ends with, after a space; null for none.</summary>
    internal static string? TrailingWordOf(ReadOnlySpan<char> text, string[] words)
    {
        foreach (var word in words)
        {
            if (text.Length > word.Length && text[^(word.Length + 1)] == ' ' && text.EndsWith(word, StringComparison.Ordinal))
            {
                return word;
            }
        }
        return null;
    }
}
