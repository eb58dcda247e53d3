using Bot.Assistant.Search;

namespace Bot.Assistant;

/// <summary>
/// A question as typed, and as syllables without diacritics (so "mấy điểm" and "may diem" read the
/// same), with what was recognised in it: item ids, a level, a year, a total.
/// </summary>
public sealed class Question
{
    private readonly string _spaced;

    public Question(string text)
        : this(text.Trim(), VietnameseTokenizer.Syllables(text))
    {
    }

    private Question(string text, IReadOnlyList<string> syllables)
    {
        Text = text;
        Syllables = syllables;
        _spaced = " " + string.Join(' ', Syllables) + " ";
    }

    /// <summary>The same question with what a reader recognised in it, without reading the text again.</summary>
    public Question With(IReadOnlyList<string> itemIds, int? level, int? year, decimal? points, int yearsFromNow = 0) =>
        new(Text, Syllables) { ItemIds = itemIds, Level = level, Year = year, Points = points, YearsFromNow = yearsFromNow };

    public string Text { get; }
    public IReadOnlyList<string> Syllables { get; }

    /// <summary>Rubric ids named in the question: "4.3.b", "TC4" for "tiêu chí 4", "A1", "B".</summary>
    public IReadOnlyList<string> ItemIds { get; init; } = [];

    /// <summary>A level named as "mức 3" or "mức độ ba"; 0 for "không đạt chuẩn".</summary>
    public int? Level { get; init; }

    /// <summary>A year named ("2025"); see <see cref="YearsFromNow"/> for "năm ngoái".</summary>
    public int? Year { get; init; }

    /// <summary>-1 for "năm ngoái", 1 for "năm sau": the year asked about is the asker's year moved by this, when none is named.</summary>
    public int YearsFromNow { get; init; }

    /// <summary>A number of points named in the question ("87,5 điểm"), for "which level is that?".</summary>
    public decimal? Points { get; init; }

    /// <summary>The same question without the folded phrases given ("trễ hạn" taken out before looking for a "hạn" asked about).</summary>
    public Question Without(IEnumerable<string> foldedPhrases)
    {
        var spaced = foldedPhrases.Aggregate(_spaced, (text, phrase) => text.Replace(" " + phrase + " ", " ", StringComparison.Ordinal));
        return new(Text, spaced.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            ItemIds = ItemIds, Level = Level, Year = Year, Points = Points, YearsFromNow = YearsFromNow,
        };
    }

    public bool HasPercent => Text.Contains('%', StringComparison.Ordinal);

    /// <summary>Whether the folded phrase ("muc do", "con thieu") occurs as whole syllables.</summary>
    public bool Contains(string foldedPhrase) => _spaced.Contains(" " + foldedPhrase + " ", StringComparison.Ordinal);
}
