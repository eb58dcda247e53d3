using System.Collections.Concurrent;
using Scoring.Scheme;

namespace Bot.Dialogs;

/// <summary>The options of a choice step: the form's answers for a survey question, or the step's own list.</summary>
public static class ChoiceOptions
{
    public static IReadOnlyList<DialogOption> For(StepContext context) => For(context.Step, context.Dialog, context.Form);

    public static IReadOnlyList<DialogOption> For(DialogStep step, SurveyDialog dialog, SurveyForm form) =>
        step.Question is null ? step.Options! : Answers(dialog, form);

    /// <summary>The form's answers ("Tốt", "Khá", …) with the dialog's synonyms for each.</summary>
    public static IReadOnlyList<DialogOption> Answers(SurveyDialog dialog, SurveyForm form) =>
        [.. form.Answers.Select(a => new DialogOption(a.Code, a.Label, dialog.AnswerSynonyms.GetValueOrDefault(a.Code)))];

    /// <summary>The option the user meant: its number, its label or a synonym, with or without diacritics, with or without "dạ … ạ".</summary>
    public static DialogOption? Match(IReadOnlyList<DialogOption> options, string key)
    {
        if (int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            && number >= 1 && number <= options.Count)
        {
            return options[number - 1];
        }
        return options.FirstOrDefault(o => KeyOf(o.Label) == key)
            ?? options.FirstOrDefault(o => o.Synonyms?.Any(s => KeyOf(s) == key) == true)
            ?? (Politeness.Strip(key) is var plain && plain != key ? Match(options, plain) : null);
    }

    // Labels and synonyms come from dialogs/ and never change: normalise each once, not on every answer.
    private static readonly ConcurrentDictionary<string, string> Keys = new(StringComparer.Ordinal);

    private static string KeyOf(string text) => Keys.GetOrAdd(text, TextNormalizer.Key);
}
