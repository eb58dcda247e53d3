using Scoring.Rules;
using Scoring.Scheme;
using Scoring.Text;

namespace Bot.Assistant.Knowledge;

/// <summary>
/// The scheme's own definitions as passages: every rubric item with its guidance, the levels,
/// the disqualification rules, the deadlines and survey window, and both survey forms.
/// </summary>
public sealed class SchemePassages(ScoringRules rules, AssistantTexts texts)
{
    public IEnumerable<Passage> All(string guide)
    {
        var rubric = rules.Scheme.Rubric;
        foreach (var part in rubric.Surveys)
        {
            yield return new Passage(part.Id, PassageKind.RubricItem, texts.Text("source.rubricWhole"), part.Title, $"{part.Id} {part.Title}", part.Id);
        }
        foreach (var item in rubric.Criteria.SelectMany(Flatten))
        {
            // A parent's guidance sums up its children; indexing it would let "máy tính" find 4.3 before 4.3.a.
            yield return new Passage(item.Id, PassageKind.RubricItem, Citation(item), item.Title,
                item.IsLeaf ? $"{item.Id} {item.Title} {item.ShortTitle} {item.Guidance}" : $"{item.Id} {item.Title} {item.ShortTitle}", item.Id);
        }
        var scheme = rules.Scheme.Rules;
        yield return new Passage("DA-XL", PassageKind.Scheme, guide, Levels(), "xếp loại mức độ chuẩn đạt chuẩn tổng điểm " + Levels());
        var disqualified = texts.Format("passage.disqualified",
            ("reasons", string.Join(" ", scheme.Disqualifications.Select((d, i) => $"({i + 1}) {d.Text}"))), ("effect", scheme.DisqualificationEffect));
        yield return new Passage("DA-KX", PassageKind.Scheme, guide, disqualified, "không xét đánh giá vi phạm kỷ luật khiếu nại " + disqualified);
        var deadlines = scheme.Deadlines;
        yield return new Passage("DA-B1", PassageKind.Scheme, guide, deadlines.SelfAssessment.Text, "thời hạn tự chấm điểm " + deadlines.SelfAssessment.Text);
        yield return new Passage("DA-B2", PassageKind.Scheme, guide, deadlines.Appraisal.Text, "thời hạn thẩm định " + deadlines.Appraisal.Text);
        yield return new Passage("DA-B3", PassageKind.Scheme, guide, deadlines.Recognition.Text, "quyết định công nhận " + deadlines.Recognition.Text);
        var window = texts.Format("passage.surveyWindow", ("description", scheme.CitizenSurveyWindow.Description));
        yield return new Passage("DA-KS", PassageKind.Scheme, guide, window, "thời gian khảo sát lấy phiếu " + window);
        foreach (var form in rules.Scheme.Forms.Values.OrderBy(f => f.Appendix, StringComparer.Ordinal))
        {
            var citation = texts.Format("source.form", ("appendix", form.Appendix), ("audience", texts.Text("source.formAudience." + form.Id)));
            var answers = string.Join("; ", form.Answers.Select(a => texts.Format("passage.answer", ("label", a.Label), ("points", VietnameseFormat.Points(a.Points)))));
            var scoring = texts.Format("passage.surveyScoring", ("title", form.Title), ("audience", form.Audience), ("count", form.Questions.Count), ("answers", answers), ("max", VietnameseFormat.Points(form.MaxScore)));
            var label = form.Appendix.Replace("Phụ lục ", "PL", StringComparison.Ordinal);
            yield return new Passage(label, PassageKind.Form, citation, scoring, scoring);
            foreach (var question in form.Questions)
            {
                var text = texts.Format("passage.question", ("number", question.Number), ("text", question.Text));
                yield return new Passage($"{label}-{question.Number}", PassageKind.Form, citation, text, text);
            }
        }
    }

    private string Citation(RubricItem item) =>
        item.Id.StartsWith("TC", StringComparison.Ordinal)
            ? texts.Format("source.criterion", ("title", item.Title.Split(':')[0]))
            : texts.Format("source.rubric", ("id", item.Id));

    private string Levels()
    {
        var levels = rules.Scheme.Rules.Levels;
        return texts.Format("passage.levels", ("levels", string.Join("; ", levels.Select((level, i) =>
            texts.Format("passage.level", ("name", level.Name), ("range", Range(texts, rules.Scheme.Rubric.Total, level, i < levels.Count - 1 ? levels[i + 1] : null)))))));
    }

    /// <summary>"từ 85 đến dưới 90 điểm", "dưới 80 điểm", "từ 95 đến 100 điểm".</summary>
    public static string Range(AssistantTexts texts, decimal total, LevelDefinition level, LevelDefinition? next) =>
        level.Code == LevelCode.None && next is not null ? texts.Format("answer.range.below", ("max", VietnameseFormat.Points(next.MinTotal)))
        : next is null ? texts.Format("answer.range.top", ("min", VietnameseFormat.Points(level.MinTotal)), ("total", VietnameseFormat.Points(total)))
        : texts.Format("answer.range.between", ("min", VietnameseFormat.Points(level.MinTotal)), ("max", VietnameseFormat.Points(next.MinTotal)));

    private static IEnumerable<RubricItem> Flatten(RubricItem item) => [item, .. item.Children.SelectMany(Flatten)];
}
