using Scoring.Scheme;

namespace Bot.Dialogs;

/// <summary>
/// A remark written at a question instead of an answer ("cán bộ nhiệt tình nhưng phải chờ lâu"): not "chưa hiểu",
/// but thanked and kept for the survey's comment, and the question asked again. The comment step then says it was
/// kept; what is typed there is added after it, and "bỏ qua" keeps it alone.
/// </summary>
public static class SurveyRemarks
{
    /// <summary>Fewer words than this is a slip or an answer tried ("rất là tuyệt vời"), not a remark to pass on to the commune.</summary>
    private const int MinWords = 6;

    /// <summary>How much of a kept remark the comment step says back.</summary>
    private const int Shown = 200;

    /// <summary>
    /// Keeps the text when it reads as a remark (a sentence that names no answer) and the form still has its comment
    /// to come; false otherwise.
    /// </summary>
    public static bool TryKeep(StepContext context, string text, string key)
    {
        if (context.Step.Kind != StepKinds.Choice || key.Split(' ').Length < MinWords || Comment(context) is not { } comment
            || context.Progress.Answers.ContainsKey(comment.Id) || ChoiceOptions.NamesAny(ChoiceOptions.For(context), key))
        {
            return false;
        }
        var progress = context.Progress;
        var line = text.Trim();
        // Sent again (a slow phone, or no answer seen yet), it is kept once.
        if (progress.Remark?.Split('\n').Contains(line) != true)
        {
            progress.Remark = Clip(progress.Remark is null ? line : $"{progress.Remark}\n{line}", comment.MaxLength);
        }
        return true;
    }

    /// <summary>The comment as recorded: the kept remark, then what was typed at the comment step (nothing for "bỏ qua").</summary>
    public static string WithRemark(StepContext context, string value)
    {
        var remark = context.Progress.Remark!;
        context.Progress.Remark = null;
        return Clip(value.Length == 0 ? remark : $"{remark}\n{value}", context.Step.MaxLength);
    }

    /// <summary>Said before the comment step's question, so the person knows it is already there.</summary>
    public static string KeptLine(BotTexts texts, string remark) =>
        texts.Format("remark.atComment", ("remark", remark.Length > Shown ? remark[..Shown].TrimEnd() + "…" : remark));

    private static DialogStep? Comment(StepContext context) => context.Dialog.Steps.FirstOrDefault(s => s.Opinion);

    private static string Clip(string text, int? max) => max is { } limit && text.Length > limit ? text[..limit] : text;
}
