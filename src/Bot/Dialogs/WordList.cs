namespace Bot.Dialogs;

/// <summary>A set of words from dialogs/text ("a|b|c"), matched by <see cref="TextNormalizer.Key"/>.</summary>
public sealed class WordList(string words)
{
    private readonly HashSet<string> _keys = words.Split('|').Select(TextNormalizer.Key).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);

    public bool Matches(string key) => _keys.Contains(key);

    /// <summary>The rest of the original text after a leading command ("khảo sát cam-vu" → "cam-vu"), kept as typed.</summary>
    public string? RestOf(string text)
    {
        var key = TextNormalizer.Key(text);
        var word = _keys.OrderByDescending(w => w.Length).FirstOrDefault(w => key.StartsWith(w + " ", StringComparison.Ordinal));
        if (word is null)
        {
            return null;
        }
        var words = word.Split(' ').Length;
        return string.Join(' ', TextNormalizer.Nfc(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(words));
    }

    /// <summary>The rest of the key when it starts with one of the words ("sua 2" → "2").</summary>
    public string? Rest(string key)
    {
        foreach (var word in _keys.OrderByDescending(w => w.Length))
        {
            if (key.StartsWith(word + " ", StringComparison.Ordinal))
            {
                return key[(word.Length + 1)..];
            }
        }
        return null;
    }
}
