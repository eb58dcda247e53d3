using Bot.Dialogs;
using Scoring.Rules;
using Scoring.Text;

namespace Bot.Assistant.Answers;

/// <summary>
/// "Xã mình có bao nhiêu phiếu người dân rồi?", "điểm khảo sát của xã mình bao nhiêu?": a commune's survey forms so far
/// and what they score, from its scorecard: counted, held for the appraisers, and whether there are enough to rely on.
/// Staff ask about their own commune; officials about the one they name.
/// </summary>
public sealed class CommuneSurveyAnswers(ScoringRules rules, AssistantTexts texts, BotTexts common, ICommuneScorecards scorecards)
{
    public async Task<AssistantAnswer> AnswerAsync(Question question, Asker asker, CancellationToken cancellationToken)
    {
        var (name, year, card, instead) = await scorecards.ReadAsync(question, asker, texts, common, cancellationToken);
        if (card is null)
        {
            return new AssistantAnswer(instead!, AnswerKind.Computed);
        }
        var lines = new List<string>
        {
            texts.Format("answer.communeSurvey", ("commune", name), ("year", year)),
            Part("citizen", card.A1, rules.Counting.SampleMinimum(year, citizen: true)),
            Part("cadre", card.A2, rules.Counting.SampleMinimum(year, citizen: false)),
            texts.Text("answer.communeSurveyWho"),
        };
        var source = texts.Format("source.scorecard", ("year", year), ("commune", name));
        return new AssistantAnswer(string.Join('\n', lines) + "\n" + texts.Format("answer.source", ("source", source)), AnswerKind.Computed);
    }

    /// <summary>One form's line: its score and forms counted (or that none are yet), then the forms held, and a warning below the year's minimum.</summary>
    private string Part(string form, SurveyPartScore part, int minimum)
    {
        var name = texts.Text("answer.communeSurveyPart." + form);
        var line = part.Responses == 0
            ? texts.Format("answer.communeSurveyNone", ("part", name))
            : texts.Format("answer.communeSurveyLine", ("part", name), ("score", VietnameseFormat.Points(part.Score)), ("count", part.Responses));
        if (part.Held > 0)
        {
            line += texts.Format("answer.communeSurveyHeld", ("held", part.Held));
        }
        if (part.Responses > 0 && part.SampleWarning)
        {
            line += texts.Format("answer.communeSurveyFew", ("minimum", minimum));
        }
        return line + ".";
    }
}
