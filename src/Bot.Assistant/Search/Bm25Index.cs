namespace Bot.Assistant.Search;

/// <summary>
/// Okapi BM25 over a fixed set of documents, built once at start. A few hundred passages fit in
/// memory many times over, so a plain inverted index is all it takes.
/// </summary>
public sealed class Bm25Index
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly Dictionary<string, List<(int Document, int Count)>> _postings = new(StringComparer.Ordinal);
    private readonly int[] _lengths;
    private readonly double _averageLength;

    public Bm25Index(IReadOnlyList<IReadOnlyList<string>> documents)
    {
        _lengths = new int[documents.Count];
        for (var d = 0; d < documents.Count; d++)
        {
            _lengths[d] = documents[d].Count;
            foreach (var group in documents[d].GroupBy(t => t, StringComparer.Ordinal))
            {
                if (!_postings.TryGetValue(group.Key, out var list))
                {
                    _postings[group.Key] = list = [];
                }
                list.Add((d, group.Count()));
            }
        }
        _averageLength = documents.Count == 0 ? 1 : Math.Max(1, _lengths.Average());
    }

    public int Count => _lengths.Length;

    /// <summary>How rare a term is: high for "camera", near zero for "xa".</summary>
    public double Idf(string term)
    {
        var n = _postings.TryGetValue(term, out var list) ? list.Count : 0;
        return Math.Log(1 + ((Count - n + 0.5) / (n + 0.5)));
    }

    public bool Contains(string term) => _postings.ContainsKey(term);

    /// <summary>The best documents for <paramref name="terms"/>, each with its weight in the query, best first, among those <paramref name="include"/> allows.</summary>
    public IReadOnlyList<(int Document, double Score)> Search(IReadOnlyDictionary<string, double> terms, int take, Func<int, bool>? include = null)
    {
        var scores = new Dictionary<int, double>();
        foreach (var (term, weight) in terms)
        {
            if (!_postings.TryGetValue(term, out var list))
            {
                continue;
            }
            var idf = Idf(term) * weight;
            foreach (var (document, count) in list)
            {
                if (include is not null && !include(document))
                {
                    continue;
                }
                var norm = K1 * (1 - B + (B * _lengths[document] / _averageLength));
                scores[document] = scores.GetValueOrDefault(document) + (idf * count * (K1 + 1) / (count + norm));
            }
        }
        return [.. scores.OrderByDescending(s => s.Value).ThenBy(s => s.Key).Take(take).Select(s => (s.Key, s.Value))];
    }
}
