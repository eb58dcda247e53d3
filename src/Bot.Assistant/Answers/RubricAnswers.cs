using Bot.Assistant.Knowledge;
using Scoring.Rules;
using Scoring.Scheme;
using Scoring.Text;

namespace Bot.Assistant.Answers;

/// <summary>What an item, a criterion, part A or B, or the whole scale is worth, read from the rubric itself.</summary>
public sealed class RubricAnswers(ScoringRules rules, AssistantTexts texts)
{
    private const int GuidanceLength = 300;
    private const int ContentLength = 450;

    // A 7-point item has fifteen allowed values; past this many, the range reads better than the list.
    private const int MaxValuesListed = 7;

    private Rubric Rubric => rules.Scheme.Rubric;

    /// <summary>An item's worth. With <paramref name="content"/>, the item's full wording instead of its guidance: for "what is…" questions.</summary>
    public AssistantAnswer? Item(string id, bool content = false)
    {
        var whole = texts.Text("source.rubricWhole");
        if (id == "A")
        {
            return Answer(texts.Format("answer.partA", ("max", P(Rubric.File.PartA.Max)), ("a1", P(Rubric.Surveys[0].Max)), ("a2", P(Rubric.Surveys[1].Max))), whole);
        }
        if (Rubric.Surveys.FirstOrDefault(s => s.Id == id) is { } part)
        {
            return Answer(texts.Format("answer.surveyPart", ("id", part.Id), ("title", part.Title), ("max", P(part.Max))), whole);
        }
        if (id == "B")
        {
            var criteria = string.Join("; ", Rubric.Criteria.Select(c => $"{CriterionName(c)} ({P(c.Max)})"));
            return Answer(texts.Format("answer.partB", ("max", P(Rubric.File.PartB.Max)), ("criteria", criteria)), whole);
        }
        return Rubric.Find(id) is { } item ? Describe(item, content) : null;
    }

    public AssistantAnswer Total() =>
        Answer(texts.Format("answer.total", ("total", P(Rubric.Total)), ("a", P(Rubric.File.PartA.Max)), ("b", P(Rubric.File.PartB.Max))), texts.Text("source.rubricWhole"));

    public AssistantAnswer Step()
    {
        var example = rules.Assessment.AllowedValues(Rubric.Leaves.First(l => l.Max == 2));
        return Answer(texts.Format("answer.step", ("step", P(Rubric.ScoreStep)), ("example", VietnameseFormat.PointsList(example))), texts.Text("source.rubricWhole"));
    }

    private AssistantAnswer Describe(RubricItem item, bool content)
    {
        var lines = new List<string>();
        var isCriterion = Rubric.Criteria.Contains(item);
        if (isCriterion)
        {
            lines.Add(texts.Format("answer.criterion", ("title", item.Title), ("max", P(item.Max))));
        }
        else
        {
            var criterion = Rubric.Criteria.First(c => Contains(c, item));
            lines.Add(texts.Format("answer.item", ("id", item.Id), ("title", item.DisplayTitle), ("max", P(item.Max)),
                ("criterion", CriterionName(criterion)), ("criterionMax", P(criterion.Max))));
        }
        if (item.IsLeaf)
        {
            var allowed = rules.Assessment.AllowedValues(item);
            lines.Add(allowed.Count <= MaxValuesListed
                ? texts.Format("answer.allowed", ("values", VietnameseFormat.PointsList(allowed)))
                : texts.Format("answer.allowedRange", ("max", P(item.Max)), ("step", P(Rubric.ScoreStep))));
        }
        else
        {
            lines.Add(texts.Format("answer.children", ("children", string.Join(", ", item.Children.Select(c => texts.Format("answer.child", ("id", c.Id), ("max", P(c.Max))))))));
        }
        if (content && item.Title != item.DisplayTitle)
        {
            lines.Add(texts.Format("answer.content", ("content", Quotes.Clip(item.Title, ContentLength))));
        }
        else if (!isCriterion)
        {
            lines.Add(texts.Format("answer.guidance", ("guidance", Quotes.Clip(item.Guidance, GuidanceLength))));
        }
        var source = isCriterion ? texts.Format("source.criterion", ("title", CriterionName(item))) : texts.Format("source.rubric", ("id", item.Id));
        return Answer(string.Join('\n', lines), source);
    }

    private AssistantAnswer Answer(string text, string source) =>
        new(text + "\n" + texts.Format("answer.source", ("source", source)), AnswerKind.Computed);

    /// <summary>"Tiêu chí 4", from "Tiêu chí 4: Trụ sở làm việc…".</summary>
    private static string CriterionName(RubricItem criterion) => criterion.Title.Split(':')[0];

    private static bool Contains(RubricItem parent, RubricItem item) => parent == item || parent.Children.Any(c => Contains(c, item));

    private static string P(decimal points) => VietnameseFormat.Points(points);
}
