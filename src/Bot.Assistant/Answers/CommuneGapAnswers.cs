using Bot.Assistant.Knowledge;
using Bot.Dialogs;
using Bot.People;
using Scoring.Rules;
using Scoring.Scheme;
using Scoring.Text;

namespace Bot.Assistant.Answers;

/// <summary>
/// "Xã mình còn thiếu gì để lên mức 2?": the commune's total and level from its scorecard, the
/// points still needed for the level asked (or the next), and the items losing most.
/// </summary>
public sealed class CommuneGapAnswers(ScoringRules rules, AssistantTexts texts, BotTexts common, ICommuneScorecards scorecards)
{
    private const int ItemsShown = 4;
    private const int TitleLength = 60;

    public async Task<AssistantAnswer> AnswerAsync(Question question, Asker asker, CancellationToken cancellationToken)
    {
        var (name, year, card, instead) = await scorecards.ReadAsync(question, asker, texts, common, cancellationToken);
        if (card is null)
        {
            return Plain(instead!);
        }
        var sources = texts.Format("source.scorecard", ("year", year), ("commune", name)) + "; " + texts.Text("source.rubricWhole");
        // A year with nothing in it ("năm ngoái" before the service, or January): no 0-point total, no gap of 80, no items "losing" everything.
        if (card.Status == ResultStatuses.Name(ResultStatus.None) && card.A1.Responses == 0 && card.A2.Responses == 0)
        {
            var begin = asker.Person.Role == StaffRole.Staff && year == asker.Year ? "\n" + texts.Text("answer.gapBegin") : "";
            return new AssistantAnswer(texts.Format("answer.gapNothingYet", ("commune", name), ("year", year)) + begin + "\n" + texts.Format("answer.source", ("source", sources)), AnswerKind.Computed);
        }
        var lines = new List<string>
        {
            texts.Format("answer.gap", ("commune", name), ("year", year), ("total", P(card.Total)), ("a1", P(card.A1.Score)), ("a2", P(card.A2.Score)), ("b", P(card.B.Final)), ("level", card.LevelName)),
            // "Đã nộp chưa?" is answered here: where the year's result stands.
            texts.Text("answer.gapStatus." + card.Status),
        };
        if (!card.Disqualified && texts.NotAssessed.FoundIn(question))
        {
            lines.Add(texts.Text("answer.gapNotDisqualified"));
        }
        if (card.Disqualified)
        {
            lines.Add(texts.Text("answer.gapDisqualified"));
        }
        else if (Target(question, card) is { } target)
        {
            lines.Add(target.MinTotal <= card.Total
                ? texts.Format("answer.gapReached", ("level", target.Name))
                : texts.Format("answer.gapNeed", ("level", target.Name), ("min", P(target.MinTotal)), ("points", P(target.MinTotal - card.Total))));
        }
        else
        {
            lines.Add(texts.Text("answer.gapTop"));
        }
        if (card.LostPoints.Count > 0)
        {
            lines.Add(texts.Format("answer.gapWhere", ("items", string.Join("; ", card.LostPoints.Take(ItemsShown).Select(l =>
                texts.Format("answer.gapItem", ("id", l.Id), ("title", Quotes.Clip(rules.Scheme.Rubric.Find(l.Id)?.DisplayTitle ?? l.Title, TitleLength)), ("lost", P(l.Lost))))))));
        }
        if (card.A1.Responses == 0 && card.A2.Responses == 0)
        {
            lines.Add(texts.Text("answer.gapNoSurveys"));
        }
        if (card.B.Appraised is null)
        {
            lines.Add(texts.Text("answer.gapNotAppraised"));
        }
        return new AssistantAnswer(string.Join('\n', lines) + "\n" + texts.Format("answer.source", ("source", sources)), AnswerKind.Computed);
    }

    /// <summary>The level asked about if it is named and above level 0, else the next one up; null at the top.</summary>
    private LevelDefinition? Target(Question question, Scorecard card)
    {
        var levels = rules.Scheme.Rules.Levels;
        if (question.Level is >= 1 and var asked && asked < levels.Count)
        {
            return levels[asked];
        }
        return card.NextLevel is { } next ? levels.First(l => l.Code == next.Level) : null;
    }

    private static AssistantAnswer Plain(string text) => new(text, AnswerKind.Computed);

    private static string P(decimal points) => VietnameseFormat.Points(points);
}
