using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Scoring.Scheme;

namespace Bot.Dialogs;

/// <summary>The options of a choice step: the form's answers for a survey question, or the step's own list.</summary>
public static class ChoiceOptions
{
    public static IReadOnlyList<DialogOption> For(StepContext context) => For(context.Step, context.Dialog, context.Form);

    public static IReadOnlyList<DialogOption> For(DialogStep step, SurveyDialog dialog, SurveyForm form) =>
        step.Question is null ? step.Options! : Answers(dialog, form);

    /// <summary>The form's answers ("Tốt", "Khá", …) with the dialog's synonyms for each, made once per dialog (its form is fixed).</summary>
    public static IReadOnlyList<DialogOption> Answers(SurveyDialog dialog, SurveyForm form) =>
        AnswerLists.GetValue(dialog, _ => [.. form.Answers.Select(a => new DialogOption(a.Code, a.Label, dialog.AnswerSynonyms.GetValueOrDefault(a.Code)))]);

    private static readonly ConditionalWeakTable<SurveyDialog, IReadOnlyList<DialogOption>> AnswerLists = new();

    /// <summary>
    /// The option the user meant: its number, its label or a synonym, with or without diacritics, with or without
    /// "dạ … ạ", said once or twice over for emphasis ("tốt tốt ạ").
    /// </summary>
    public static DialogOption? Match(IReadOnlyList<DialogOption> options, string key, Politeness politeness)
    {
        if (int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            && number >= 1 && number <= options.Count)
        {
            return options[number - 1];
        }
        return options.FirstOrDefault(o => KeyOf(o.Label) == key)
            ?? options.FirstOrDefault(o => o.Synonyms?.Any(s => KeyOf(s) == key) == true)
            ?? (SaidTwice(key) is { } once ? Match(options, once, politeness) : null)
            ?? (politeness.Strip(key) is var plain && plain != key ? Match(options, plain, politeness) : null);
    }

    /// <summary>
    /// "Một", "số hai", "tôi chọn ba ạ": the option of that number said in words, as a phone's voice typing writes it.
    /// Alone, the word counts with its diacritics only ("bà" is no "ba"); after "chọn" or "dạ", however it was typed.
    /// </summary>
    public static DialogOption? MatchNumberWord(IReadOnlyList<DialogOption> options, string text, string key, BotTexts texts)
    {
        var number = texts.Numbers.Said(text)
            ?? (texts.Politeness.Strip(key) is var plain && plain != key && !plain.Contains(' ') ? texts.Numbers.ValueOfKey(plain) : null);
        return number is >= 1 && number <= options.Count ? options[number.Value - 1] : null;
    }

    /// <summary>
    /// "tốt, khá, tốt, tốt, tốt", "1 1 2 1 1": several answers in one message, as on a paper sheet. Its key runs the
    /// answers together ("khá tốt" is itself an answer), so the parts are read as typed: split at commas, semicolons
    /// and line breaks, or at spaces when every part is a number; each part must be an option.
    /// </summary>
    public static bool IsListOfAnswers(IReadOnlyList<DialogOption> options, string text, Politeness politeness)
    {
        var parts = text.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length < 2)
        {
            parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2 || !parts.All(part => part.All(char.IsAsciiDigit)))
            {
                return false;
            }
        }
        return parts.All(part => Match(options, TextNormalizer.Key(part), politeness) is not null);
    }

    /// <summary>
    /// Leading words that soften an answer ("cũng khá", "dạ chắc là tốt ạ"): the option meant after them, to be asked
    /// back; null when no hedge leads or nothing after it is an option.
    /// </summary>
    public static DialogOption? MatchHedged(IReadOnlyList<DialogOption> options, IReadOnlyList<string> hedges, string key, Politeness politeness)
    {
        var hedgeWords = WordsOf(hedges, politeness);
        foreach (var text in new[] { key, politeness.Strip(key) })
        {
            if (hedgeWords.Rest(text) is { } rest && Match(options, rest, politeness) is { } meant)
            {
                return meant;
            }
        }
        return null;
    }

    /// <summary>
    /// The one option a sentence names ("thái độ cán bộ rất tốt", "cán bộ không tốt", "tôi là trưởng thôn"), to be asked back:
    /// its label or a synonym of two letters or more, found as whole words. A phrase inside a longer one found too ("tốt"
    /// in "không tốt") is not counted; null when no option, or more than one, is named.
    /// </summary>
    public static DialogOption? MatchInSentence(IReadOnlyList<DialogOption> options, string key)
    {
        var found = Mentions(options, key).ToList();
        var named = found
            .Where(f => !found.Any(longer => longer.Phrase.Length > f.Phrase.Length && TextNormalizer.ContainsWords(longer.Phrase, f.Phrase)))
            .Select(f => f.Option)
            .Distinct()
            .ToList();
        return named.Count == 1 ? named[0] : null;
    }

    /// <summary>Whether a sentence names any option at all ("lúc tốt lúc kém" names two): an answer tried, not a remark.</summary>
    public static bool NamesAny(IReadOnlyList<DialogOption> options, string key) => Mentions(options, key).Any();

    /// <summary>Each option's label or synonym of two letters or more found in the sentence as whole words.</summary>
    private static IEnumerable<(DialogOption Option, string Phrase)> Mentions(IReadOnlyList<DialogOption> options, string key)
    {
        foreach (var option in options)
        {
            foreach (var phrase in (option.Synonyms ?? []).Prepend(option.Label).Select(KeyOf))
            {
                if (phrase.Length >= 2 && TextNormalizer.ContainsWords(key, phrase))
                {
                    yield return (option, phrase);
                }
            }
        }
    }

    /// <summary>
    /// A dialog's list of words (its hedges, its confirm synonyms) as a word list. They come from dialogs/ and never
    /// change: each list is keyed, longest first, once, not at every answer.
    /// </summary>
    public static WordList WordsOf(IReadOnlyList<string> words, Politeness politeness) =>
        WordLists.GetOrAdd(words, static (list, politeness) => new WordList(string.Join('|', list), politeness), politeness);

    private static readonly ConditionalWeakTable<IReadOnlyList<string>, WordList> WordLists = new();

    /// <summary>"tot tot" → "tot", "kha tot kha tot" → "kha tot"; null when the words are not one phrase said twice.</summary>
    private static string? SaidTwice(string key)
    {
        var half = key.Length / 2;
        return key.Length % 2 == 1 && key[half] == ' ' && key.AsSpan(0, half).SequenceEqual(key.AsSpan(half + 1)) ? key[..half] : null;
    }

    // Labels and synonyms come from dialogs/ and never change: normalise each once, not on every answer.
    private static readonly ConcurrentDictionary<string, string> Keys = new(StringComparer.Ordinal);

    private static string KeyOf(string text) => Keys.GetOrAdd(text, TextNormalizer.Key);
}
