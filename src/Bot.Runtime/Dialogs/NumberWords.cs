namespace Bot.Dialogs;

/// <summary>
/// The numbers from "không" (0) to "mười" (10) in words, from dialogs/text ("words.numbers": the n-th word, and its
/// other spellings after "/", is n). Read with their diacritics only: without them "ba" (3) is "bà", "sau" is
/// "sáu" and "nam" is "năm".
/// </summary>
public sealed class NumberWords
{
    private readonly Dictionary<string, int> _values;
    private readonly Dictionary<string, int> _keys;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _keyWords;
    private readonly WordList _lead;

    public NumberWords(string numbers, WordList lead)
    {
        _values = numbers.Split('|')
            .SelectMany((spellings, value) => spellings.Split('/').Select(word => (Word: Lower(word), Value: value)))
            .ToDictionary(number => number.Word, number => number.Value);
        _keys = _values.DistinctBy(number => TextNormalizer.Key(number.Key)).ToDictionary(number => TextNormalizer.Key(number.Key), number => number.Value);
        _keyWords = _keys.GetAlternateLookup<ReadOnlySpan<char>>();
        _lead = lead;
    }

    /// <summary>
    /// The value of a number word as a key (no diacritics), where the words before it already say a number follows:
    /// "câu ba" is question 3 however it was typed.
    /// </summary>
    public int? ValueOfKey(string keyWord) => _keys.TryGetValue(keyWord, out var value) ? value : null;

    /// <summary>Whether any word of a key is a number word (<see cref="ValueOfKey"/>); asked of every answer before the summary, so it allocates nothing.</summary>
    public bool AnyIn(string key)
    {
        var words = key.AsSpan();
        foreach (var word in words.Split(' '))
        {
            if (_keyWords.ContainsKey(words[word]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Every spelling, lower case.</summary>
    public IEnumerable<string> Words => _values.Keys;

    /// <summary>The value of one number word (any case); null for anything else.</summary>
    public int? ValueOf(string word) => _values.TryGetValue(Lower(word), out var value) ? value : null;

    /// <summary>
    /// "một", "Số hai.", "số ba": a message that is one number word, after "số" or alone, as a phone's voice typing
    /// writes an option's number; null for anything else.
    /// </summary>
    public int? Said(string text)
    {
        var words = TextNormalizer.Nfc(text).TrimEnd('.', '!', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length switch
        {
            1 => ValueOf(words[0]),
            2 when _lead.Matches(TextNormalizer.Key(words[0])) => ValueOf(words[1]),
            _ => null,
        };
    }

    private static string Lower(string word) => TextNormalizer.Nfc(word).ToLowerInvariant();
}
