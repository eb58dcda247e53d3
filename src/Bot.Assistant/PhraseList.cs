using Bot.Assistant.Search;

namespace Bot.Assistant;

/// <summary>Phrases from dialogs/text ("a|b c"), found anywhere in a question as whole syllables, with or without diacritics.</summary>
public sealed class PhraseList(string phrases)
{
    // Longest first, so that taking "trừ điểm" out does not leave "trừ" behind after "điểm" went.
    private readonly string[] _folded = [.. phrases.Split('|')
        .Select(p => string.Join(' ', VietnameseTokenizer.Syllables(p)))
        .Where(p => p.Length > 0)
        .Distinct(StringComparer.Ordinal)
        .OrderByDescending(p => p.Count(c => c == ' '))];

    public bool FoundIn(Question question) => _folded.Any(phrase => question.Contains(phrase));

    /// <summary>The question with these phrases taken out.</summary>
    public Question RemovedFrom(Question question) => question.Without(_folded);

    public IReadOnlySet<string> Syllables => _folded.SelectMany(p => p.Split(' ')).ToHashSet(StringComparer.Ordinal);
}
