namespace Bot.Assistant.Questions;

/// <summary>
/// Tells a question from an answer or a command: "bao nhiêu", "khi nào", "thiếu gì"… anywhere, a yes-or-no question
/// ("có được điểm không", "đã nộp chưa ạ"), or a question mark at the end. Evidence notes and reasons are statements,
/// so they pass through.
/// </summary>
public sealed class QuestionDetector(AssistantTexts texts)
{
    /// <summary>Shorter than "có … không" with something between is a bare "không" or "có chưa", an answer.</summary>
    private const int YesNoMinimumSyllables = 3;

    /// <summary>An interrogative phrase, or a yes-or-no question: strong enough to win over a command word ("điểm camera là bao nhiêu?").</summary>
    public bool AsksSomething(string text)
    {
        var question = new Question(text);
        return texts.Interrogatives.FoundIn(question) || AsksYesOrNo(question);
    }

    public static bool EndsWithQuestionMark(string text) => text.TrimEnd().EndsWith('?');

    /// <summary>Vietnamese asks yes or no with "có … không" or "đã … chưa": the closing word last, but for a polite "ạ", "nhé", "vậy".</summary>
    private bool AsksYesOrNo(Question question)
    {
        var words = question.Syllables.ToList();
        while (words.Count > 0 && texts.TrailingParticles.Contains(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }
        return words.Count >= YesNoMinimumSyllables
            && texts.YesNo.Any(pair => words[^1] == pair.Closes && words.Take(words.Count - 1).Contains(pair.Opens));
    }
}
