using Bot.Assistant.Knowledge;

namespace Bot.Assistant.Answers;

/// <summary>An answer quoted from the best passage, with its source; or a polite "not in the scheme".</summary>
public sealed class RetrievedAnswers(AssistantTexts texts, RubricAnswers rubric)
{
    private const int QuoteLength = 420;

    public AssistantAnswer Answer(IReadOnlyList<SearchHit> hits)
    {
        if (hits.Count == 0 || !hits[0].Answers)
        {
            return Declined();
        }
        var best = hits[0].Passage;
        // An item of the rubric says more about itself (points, values, guidance) than its title alone.
        if (best.ItemId is { } id && rubric.Item(id, content: true) is { } item)
        {
            return item with { Kind = AnswerKind.Retrieved };
        }
        var lines = new List<string>
        {
            texts.Format("answer.quote", ("text", Quotes.Clip(best.Text, QuoteLength))),
            texts.Format("answer.source", ("source", best.Citation)),
        };
        if (hits.Skip(1).FirstOrDefault(h => h.Answers && h.Passage.Citation != best.Citation) is { } next)
        {
            lines.Add(texts.Format("answer.seeAlso", ("source", next.Passage.Citation)));
        }
        return new AssistantAnswer(string.Join('\n', lines), AnswerKind.Retrieved);
    }

    public AssistantAnswer Declined() => new(texts.Text("answer.declined"), AnswerKind.Declined);
}
