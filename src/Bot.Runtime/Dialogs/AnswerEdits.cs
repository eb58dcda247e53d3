using System.Globalization;
using Bot.State;
using Scoring.Scheme;

namespace Bot.Dialogs;

/// <summary>
/// "câu 4 sửa lại là khá", "sửa câu 2 thành tốt", "đổi 3 sang trung bình", "sửa câu 3", "sửa câu ba": a change to an answer, by the
/// number the summary gives its line (the five questions first, so "câu 3" is question 3 on every form).
/// </summary>
public static class AnswerEdits
{
    /// <summary>
    /// At the summary: a number after "câu", "sửa" or "đổi" anywhere in the message and, as the message ends, an answer
    /// of that question: changed at once. A number with no answer after it ("sửa 4", "câu 4") goes to that line; so does
    /// a line that is not a question (a name), which is asked again.
    /// </summary>
    public static StepResult? AtSummary(StepContext context, string key) =>
        Read(context, key, beforeSummary: false);

    /// <summary>
    /// Before the summary, about a line already passed ("sửa câu 3" where the name is asked is no name): only a message
    /// that begins with the change and names "câu N" as typed (an address may be "đội 3"), and at a comment only the bare
    /// "sửa câu 3", so "câu 3 tôi thấy chưa tốt" there stays the comment it is. After the line is answered again, the
    /// survey goes on from where the person was.
    /// </summary>
    public static StepResult? BeforeSummary(StepContext context, string text, string key) =>
        (key.AsSpan().IndexOfAnyInRange('0', '9') >= 0 || context.Texts.Numbers.AnyIn(key)) && context.Texts.Question.WrittenIn(text)
            ? Read(context, context.Texts.Politeness.Strip(key), beforeSummary: true)
            : null;

    /// <summary>
    /// The indexes of the steps the summary numbers, and a change names by that number: the questions in their order,
    /// then every other choice and text step as asked, leaving out what the invitation fixed.
    /// </summary>
    public static IReadOnlyList<int> Numbered(SurveyDialog dialog, SurveyProgress progress) =>
        dialog.Steps.Select((step, index) => (step, index))
            .Where(s => s.step.Kind is StepKinds.Choice or StepKinds.Text && !progress.FixedSteps.Contains(s.step.Id))
            .OrderBy(s => s.step.Question ?? int.MaxValue)
            .ThenBy(s => s.index)
            .Select(s => s.index)
            .ToList();

    private static StepResult? Read(StepContext context, string key, bool beforeSummary)
    {
        var texts = context.Texts;
        var words = key.Split(' ');
        // Numbered only when a number is there to look up: every answer to a question passes here first.
        IReadOnlyList<int>? items = null;
        for (var i = 0; i + 1 < words.Length; i++)
        {
            if (Number(texts, words[i + 1]) is not { } n
                || !(beforeSummary ? texts.Question : texts.QuestionNumber).Matches(words[i])
                || n < 1 || n > (items ??= Numbered(context.Dialog, context.Progress)).Count)
            {
                continue;
            }
            var index = items[n - 1];
            if (beforeSummary && (index >= context.Progress.Step || !BeginsWithTheChange(texts, words[..i])))
            {
                return null;
            }
            var step = context.Dialog.Steps[index];
            var bare = i + 2 == words.Length;
            if (step.Kind != StepKinds.Choice || bare)
            {
                return bare || !beforeSummary ? StepResult.Jump(index) : null;
            }
            if (beforeSummary && context.Step.Opinion)
            {
                return null;
            }
            var options = ChoiceOptions.For(step, context.Dialog, context.Form);
            for (var from = i + 2; from < words.Length; from++)
            {
                if (ChoiceOptions.Match(options, string.Join(' ', words[from..]), texts.Politeness) is { } chosen)
                {
                    return StepResult.Edited(index, chosen.Code, texts.Format("summary.edited", ("n", n), ("label", chosen.Label)));
                }
            }
            return beforeSummary ? null : StepResult.Jump(index);
        }
        return null;
    }

    /// <summary>"3", or "ba" after "câu" (a phone's voice typing writes the number in words).</summary>
    private static int? Number(BotTexts texts, string word) =>
        int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : texts.Numbers.ValueOfKey(word);

    /// <summary>Nothing before "câu 3", or only the words of a change ("sửa", "sửa lại", "tôi muốn sửa").</summary>
    private static bool BeginsWithTheChange(BotTexts texts, string[] before) =>
        before.Length == 0 || texts.Edit.Matches(string.Join(' ', before));
}
