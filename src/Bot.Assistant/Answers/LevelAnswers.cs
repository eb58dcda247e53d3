using Scoring.Rules;
using Scoring.Scheme;
using Scoring.Text;

namespace Bot.Assistant.Answers;

/// <summary>The level thresholds, and which level a total reaches, from the scheme's levels and <see cref="LevelRules"/>.</summary>
public sealed class LevelAnswers(ScoringRules rules, AssistantTexts texts, string guideCitation)
{
    private IReadOnlyList<LevelDefinition> Levels => rules.Scheme.Rules.Levels;

    public AssistantAnswer One(int level)
    {
        var index = Math.Clamp(level, 0, Levels.Count - 1);
        var definition = Levels[index];
        return Answer(texts.Format("answer.levelOne", ("name", definition.Name), ("range", Range(index))), texts.Text("answer.disqualifiedNote"));
    }

    public AssistantAnswer All() =>
        Answer(texts.Format("answer.levelsAll", ("total", P(rules.Scheme.Rubric.Total)),
            ("levels", string.Join("; ", Levels.Select((level, i) => $"{level.Name} {Range(i)}")))), texts.Text("answer.disqualifiedNote"));

    public AssistantAnswer Classify(decimal total)
    {
        if (total < 0 || total > rules.Scheme.Rubric.Total)
        {
            return Answer(texts.Format("answer.classifyInvalid", ("total", P(rules.Scheme.Rubric.Total)), ("points", P(total))));
        }
        var level = rules.Levels.Classify(total, disqualified: false);
        var lines = new List<string> { texts.Format("answer.classify", ("points", P(total)), ("name", level.Name)) };
        if (rules.Levels.Next(total, disqualified: false) is { } next)
        {
            lines.Add(texts.Format("answer.classifyNext", ("points", P(next.PointsNeeded)), ("level", rules.Levels.Name(next.Level))));
        }
        lines.Add(texts.Text("answer.disqualifiedNote"));
        return Answer([.. lines]);
    }

    private string Range(int index) =>
        Knowledge.SchemePassages.Range(texts, rules.Scheme.Rubric.Total, Levels[index], index + 1 < Levels.Count ? Levels[index + 1] : null);

    private AssistantAnswer Answer(params string[] lines) =>
        new(string.Join('\n', lines) + "\n" + texts.Format("answer.source", ("source", guideCitation)), AnswerKind.Computed);

    private static string P(decimal points) => VietnameseFormat.Points(points);
}
