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
        var aliases = AliasesIn(question);
        var terms = new Dictionary<string, double>(StringComparer.Ordinal);
        // Two meaningful syllables side by side ("thời tiết") must be found together, not apart.
        var words = new List<string>();
        AddTerms(question.Syllables, 1, terms, words);
        foreach (var (alias, meaning) in aliases)
        {
            // The scheme's wording for an everyday name weighs what the name typed weighs: "một cửa" is two syllables
            // of the question, not the eight of "bộ phận tiếp nhận và trả kết quả", which would outweigh the rest of it.
            AddTerms(meaning, Math.Min(1, (double)alias.Count / meaning.Count), terms, words);
        }
        var content = question.Syllables.Concat(aliases.SelectMany(a => a.Meaning)).Where(s => !_texts.Noise.Contains(s)).Distinct(StringComparer.Ordinal).ToList();
        var hits = _index.Search(terms, take, include is null ? null : d => include(Passages[d]));
        return [.. hits.Select(h => new SearchHit(Passages[h.Document], h.Score,
            words.Count > 0 && !words.Any(_terms[h.Document].Contains) ? 0 : Coverage(content, aliases, _terms[h.Document])))];
    }

    /// <summary>The syllables and, where one of the two is meaningful, each pair side by side, at the weight given.</summary>
    private void AddTerms(IReadOnlyList<string> syllables, double weight, Dictionary<string, double> terms, List<string> words)
    {
        for (var i = 0; i < syllables.Count; i++)
        {
            var meaningful = !_texts.Noise.Contains(syllables[i]);
            if (meaningful)
            {
                Add(syllables[i]);
            }
            if (i == 0)
            {
                continue;
            }
            var previousMeaningful = !_texts.Noise.Contains(syllables[i - 1]);
            if (previousMeaningful || meaningful)
            {
                Add(syllables[i - 1] + "_" + syllables[i]);
            }
            if (previousMeaningful && meaningful)
            {
                words.Add(syllables[i - 1] + "_" + syllables[i]);
            }
        }

        void Add(string term) => terms[term] = Math.Max(weight, terms.GetValueOrDefault(term));
    }

    /// <summary>The scheme's words for the everyday names in the question ("một cửa"), each with the name's syllables.</summary>
    private List<(IReadOnlyList<string> Alias, IReadOnlyList<string> Meaning)> AliasesIn(Question question)
    {
        var found = new List<(IReadOnlyList<string>, IReadOnlyList<string>)>();
        foreach (var (alias, meaning) in _texts.Aliases)
        {
            if (question.Contains(string.Join(' ', alias.Syllables)))
            {
                found.Add((alias.Syllables, meaning));
            }
        }
        return found;
    }

    /// <summary>
    /// The share of the question's meaningful words, weighted by rarity, that the passage contains; a word of an everyday
    /// name counts as found where the passage holds the scheme's wording for it instead.
    /// </summary>
    private double Coverage(List<string> content, List<(IReadOnlyList<string> Alias, IReadOnlyList<string> Meaning)> aliases, HashSet<string> passageTerms)
    {
        if (content.Count == 0)
        {
            return 0;
        }
        var unknownWeight = _index.Idf("\u0000");
        // The typed words of every everyday name whose scheme wording the passage holds, worked out once for the passage.
        var coveredByWording = aliases.Where(a => a.Meaning.Where(m => !_texts.Noise.Contains(m)).All(passageTerms.Contains))
            .SelectMany(a => a.Alias).ToHashSet(StringComparer.Ordinal);
        double total = 0, found = 0;
        foreach (var word in content)
        {
            var weight = _index.Contains(word) ? _index.Idf(word) : unknownWeight;
            total += weight;
            found += passageTerms.Contains(word) || coveredByWording.Contains(word) ? weight : 0;
        }
        return found / total;
    }
}

public sealed record SearchHit(Passage Passage, double Score, double Coverage)
{
    public bool Answers => Coverage >= KnowledgeBase.MinCoverage;
}
