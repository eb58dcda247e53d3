using Scoring.Scheme;

namespace Bot.Dialogs;

/// <summary>
/// A citizen's question where the survey waits for a choice ("trả lời có bị lộ tên không?", "phiếu này để làm gì?",
/// "còn mấy câu?"): answered briefly from what the form itself says, then the same question is asked again. Not at a
/// free-text step, where "Sao thủ tục lâu vậy?" is a comment.
/// </summary>
public sealed class AskedInSurvey(BotTexts texts)
{
    private readonly string[] _privacy = Phrases(texts["words.askedPrivacy"]);
    private readonly string[] _length = Phrases(texts["words.askedLength"]);
    private readonly string[] _purpose = Phrases(texts["words.askedPurpose"]);

    /// <summary>A question mark, or words that only a question has, in what a choice step could not read.</summary>
    public bool IsQuestion(string text, DialogStep step) =>
        step.Kind is not StepKinds.Text
        && (text.TrimEnd().EndsWith('?') || Any(TextNormalizer.Key(text), [.. _privacy, .. _length, .. _purpose]));

    public string Answer(string text, StepContext context)
    {
        var key = TextNormalizer.Key(text);
        if (Any(key, _privacy))
        {
            return context.Fill(texts["asked.privacy"]);
        }
        if (Any(key, _length))
        {
            var steps = context.Dialog.Steps;
            // Where the person is, the question asked again right after says ("Câu 2/5").
            var choices = steps.Count(s => s.Kind == StepKinds.Choice);
            var optional = steps.Count(s => s.Optional && !context.Progress.FixedSteps.Contains(s.Id));
            return texts.Format("asked.length", ("choices", choices), ("optional", optional));
        }
        return context.Fill(texts[Any(key, _purpose) ? "asked.purpose" : "asked.other"]);
    }

    private static bool Any(string key, string[] phrases)
    {
        // The key keeps "?" ("lam gi?"), which would hide the last word.
        var spaced = " " + key.Replace('?', ' ') + " ";
        return phrases.Any(p => spaced.Contains(" " + p + " ", StringComparison.Ordinal));
    }

    private static string[] Phrases(string list) => [.. list.Split('|').Select(TextNormalizer.Key).Where(p => p.Length > 0)];
}
