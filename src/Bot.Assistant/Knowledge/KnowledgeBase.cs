using System.Text.Json;
using Bot.Assistant.Questions;
using Bot.Assistant.Search;
using Scoring.Rules;

namespace Bot.Assistant.Knowledge;

/// <summary>
/// Everything the assistant may quote, indexed once at start: the scheme's definitions and the
/// source texts listed in dialogs/sources/sources.json. Searching needs no network.
/// </summary>
public sealed class KnowledgeBase
{
    /// <summary>Below this share of a question's meaningful words found in a passage, the passage does not answer it.</summary>
    public const double MinCoverage = 0.5;

    private readonly AssistantTexts _texts;
    private readonly Bm25Index _index;
    private readonly HashSet<string>[] _terms;

    public KnowledgeBase(ScoringRules rules, AssistantTexts texts, string dialogsDirectory)
    {
        _texts = texts;
        var manifest = JsonSerializer.Deserialize(File.ReadAllBytes(Path.Combine(dialogsDirectory, "sources", "sources.json")), AssistantJsonContext.Default.SourceManifest)!;
        // The first document listed is the scheme itself; its guide is what computed answers cite.
        var scheme = manifest.Documents[0];
        GuideCitation = texts.Format("source.guide", ("document", scheme.ShortTitle));
        var passages = new List<Passage>(new SchemePassages(rules, texts).All(GuideCitation));
        foreach (var document in manifest.Documents)
        {
            var text = File.ReadAllText(Path.Combine(dialogsDirectory, "sources", document.File));
            var n = 0;
            foreach (var (section, body) in SourcePassages.Split(text, document.SkipTableRows))
            {
                var citation = section.Length == 0
                    ? texts.Format("source.document", ("document", document.ShortTitle))
                    : texts.Format("source.section", ("document", document.ShortTitle), ("section", Quotes.Clip(section, 90)));
                passages.Add(new Passage($"{document.Id}-{++n}", PassageKind.Source, citation, body, section + "\n" + body));
            }
        }
        Passages = passages;
        var documents = passages.Select(p => VietnameseTokenizer.Terms(p.SearchText)).ToList();
        _terms = [.. documents.Select(d => d.ToHashSet(StringComparer.Ordinal))];
        _index = new Bm25Index(documents);
    }

    public IReadOnlyList<Passage> Passages { get; }

    /// <summary>"Đề án tỉnh Hải Dương 2024 - 2030, Hướng dẫn chấm điểm, …": the source of levels, deadlines and disqualification.</summary>
    public string GuideCitation { get; }

    public IReadOnlyList<SearchHit> Search(Question question, int take, Func<Passage, bool>? include = null)
    {
        var syllables = Expand(question);
        var content = syllables.Where(s => !_texts.Noise.Contains(s)).Distinct(StringComparer.Ordinal).ToList();
        var terms = new List<string>(content);
        // Two meaningful syllables side by side ("thời tiết") must be found together, not apart.
        var words = new List<string>();
        for (var i = 1; i < syllables.Count; i++)
        {
            var (first, second) = (!_texts.Noise.Contains(syllables[i - 1]), !_texts.Noise.Contains(syllables[i]));
            if (first || second)
            {
                terms.Add(syllables[i - 1] + "_" + syllables[i]);
            }
            if (first && second)
            {
                words.Add(terms[^1]);
            }
        }
        var hits = _index.Search(terms, take, include is null ? null : d => include(Passages[d]));
        return [.. hits.Select(h => new SearchHit(Passages[h.Document], h.Score,
            words.Count > 0 && !words.Any(_terms[h.Document].Contains) ? 0 : Coverage(content, _terms[h.Document])))];
    }

    /// <summary>The question's syllables plus the scheme's words for everyday names ("một cửa").</summary>
    private List<string> Expand(Question question)
    {
        var syllables = new List<string>(question.Syllables);
        foreach (var (alias, meaning) in _texts.Aliases)
        {
            if (question.Contains(string.Join(' ', alias.Syllables)))
            {
                syllables.AddRange(VietnameseTokenizer.Syllables(meaning));
            }
        }
        return syllables;
    }

    /// <summary>The share of the question's meaningful words, weighted by rarity, that the passage contains.</summary>
    private double Coverage(List<string> content, HashSet<string> passageTerms)
    {
        if (content.Count == 0)
        {
            return 0;
        }
        var unknownWeight = _index.Idf("\u0000");
        double total = 0, found = 0;
        foreach (var word in content)
        {
            var weight = _index.Contains(word) ? _index.Idf(word) : unknownWeight;
            total += weight;
            found += passageTerms.Contains(word) ? weight : 0;
        }
        return found / total;
    }
}

public sealed record SearchHit(Passage Passage, double Score, double Coverage)
{
    public bool Answers => Coverage >= KnowledgeBase.MinCoverage;
}
