using System.Globalization;
using Bot.Dialogs;
using Scoring.Rules;
using Scoring.Scheme;

namespace Bot.Staff.Surveys;

/// <summary>
/// A paper sheet's answers as an appraiser types them from it: points ("2 1 1 0,5 2"), the sheet's words ("tốt, tốt, khá,
/// trung bình, tốt"), or the one-word abbreviations the chat survey takes ("tb", "c"), several in a line or one at a time.
/// </summary>
public sealed class PaperSheetAnswers
{
    /// <summary>
    /// Each form's answers as typed, longest first: label, code, and the one-word synonyms of its chat survey. Longer
    /// synonyms are left out: keys drop the commas, so "khá tốt" would read "khá, tốt" in a sheet's line as one answer.
    /// </summary>
    private readonly Dictionary<string, (string Key, string Code)[]> answerWords;

    public PaperSheetAnswers(ScoringRules rules) =>
        answerWords = rules.Scheme.Forms.Values.ToDictionary(
            form => form.Id,
            form => form.Answers
                .SelectMany(a => new[] { a.Label, a.Code }
                    .Concat(rules.Scheme.Surveys.Values.Where(d => d.Form == form.Id).SelectMany(d => d.AnswerSynonyms.GetValueOrDefault(a.Code) ?? []))
                    .Select(TextNormalizer.Key)
                    .Where(key => key.Length > 0 && (key == TextNormalizer.Key(a.Label) || !key.Contains(' ')))
                    .Select(key => (Key: key, a.Code)))
                .DistinctBy(w => w.Key)
                .OrderByDescending(w => w.Key.Length)
                .ToArray());

    /// <summary>
    /// Five points at once ("2 1 1 0,5 2"), five answers as the sheet words them ("tốt, tốt, khá, trung bình, tốt"), or one
    /// answer by its points, label, code or abbreviation; null if unreadable.
    /// </summary>
    public List<string>? Read(SurveyForm form, string text)
    {
        var words = Words(text);
        var all = words.Select(w => ByPoints(form, w)).ToList();
        if (words.Length > 1 && all.All(a => a is not null))
        {
            return [.. all.OfType<string>()];
        }
        var key = TextNormalizer.Key(text);
        var one = ByPoints(form, text.Trim()) ?? answerWords[form.Id].FirstOrDefault(w => w.Key == key).Code;
        return one is not null ? [one] : ByWords(form, key);
    }

    /// <summary>In a line of numbers, the first that is no answer's points ("1,5"): said back by name.</summary>
    public static string? NotAPoint(SurveyForm form, string text) =>
        IsLineOfNumbers(text) ? Words(text).FirstOrDefault(w => ByPoints(form, w) is null) : null;

    /// <summary>Two numbers or more and nothing else: a sheet's points typed in one line.</summary>
    public static bool IsLineOfNumbers(string text) => Words(text) is { Length: > 1 } words && words.All(w => Points(w) is not null);

    /// <summary>The answers' words one after another, each read whole ("trung binh" is one): null unless all of the text is answers.</summary>
    private List<string>? ByWords(SurveyForm form, string key)
    {
        var known = answerWords[form.Id];
        var codes = new List<string>();
        for (var rest = key; rest.Length > 0;)
        {
            var (word, code) = known.FirstOrDefault(w => rest == w.Key || rest.StartsWith(w.Key + " ", StringComparison.Ordinal));
            if (word is null)
            {
                return null;
            }
            codes.Add(code);
            rest = rest[word.Length..].TrimStart();
        }
        return codes.Count > 1 ? codes : null;
    }

    private static string[] Words(string text) => text.Split([' ', ';', '\t'], StringSplitOptions.RemoveEmptyEntries);

    private static string? ByPoints(SurveyForm form, string word) =>
        Points(word) is { } points ? form.Answers.FirstOrDefault(a => a.Points == points)?.Code : null;

    /// <summary>"0,5" or "2" as a number of points; null for a word that is not one.</summary>
    private static decimal? Points(string word) =>
        decimal.TryParse(word.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var points) ? points : null;
}
