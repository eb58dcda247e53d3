namespace Bot.Assistant.Questions;

/// <summary>
/// Tells a question from an answer or a command: "bao nhiêu", "khi nào", "thiếu gì"… anywhere, or
/// a question mark at the end. Evidence notes and reasons are statements, so they pass through.
/// </summary>
public sealed class QuestionDetector(AssistantTexts texts)
{
    /// <summary>An interrogative phrase: strong enough to win over a command word ("điểm camera là bao nhiêu?").</summary>
    public bool AsksSomething(string text) => texts.Interrogatives.FoundIn(new Question(text));

    public static bool EndsWithQuestionMark(string text) => text.TrimEnd().EndsWith('?');
}
