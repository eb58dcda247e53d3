using Bot.Assistant.Search;
using Scoring.Rules;
using Scoring.Scheme;
using Scoring.Text;

namespace Bot.Assistant.Answers;

/// <summary>How a survey answer and a form score, from the form definitions the survey bot itself scores with.</summary>
public sealed class SurveyAnswers(ScoringRules rules, AssistantTexts texts)
{
    public AssistantAnswer Scoring(Question question)
    {
        var form = Form(question);
        var lines = new List<string>();
        var named = form.Answers.Where(a => question.Contains(string.Join(' ', VietnameseTokenizer.Syllables(a.Label)))).ToList();
        lines.AddRange(named.Select(a => texts.Format("answer.surveyAnswer", ("label", a.Label), ("points", VietnameseFormat.Points(a.Points)))));
        lines.Add(texts.Format("answer.surveyScoring", ("count", form.Questions.Count),
            ("answers", string.Join(", ", form.Answers.Select(a => texts.Format("answer.surveyAnswerPoints", ("label", a.Label), ("points", VietnameseFormat.Points(a.Points)))))),
            ("max", VietnameseFormat.Points(form.MaxScore))));
        var source = texts.Format("source.form", ("appendix", form.Appendix), ("audience", texts.Text("source.formAudience." + form.Id)));
        return new AssistantAnswer(string.Join('\n', lines) + "\n" + texts.Format("answer.source", ("source", source)), AnswerKind.Computed);
    }

    /// <summary>The cadre form when the question is about village cadres, else the citizen form.</summary>
    private SurveyForm Form(Question question) =>
        texts.CadreForm.FoundIn(question) && !texts.CitizenForm.FoundIn(question) && rules.Scheme.FindForm("cadre") is { } cadre
            ? cadre
            : rules.Scheme.FindForm("citizen") ?? rules.Scheme.Forms.Values.First();
}
