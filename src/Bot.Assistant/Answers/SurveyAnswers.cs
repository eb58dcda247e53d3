using Bot.Assistant.Search;
using Scoring.Rules;
using Scoring.Scheme;
using Scoring.Text;

namespace Bot.Assistant.Answers;

/// <summary>
/// How a survey answer and a form score, from the form definitions the survey bot itself scores
/// with; and how many forms are taken, from the survey rules the scoring core counts with.
/// </summary>
public sealed class SurveyAnswers(ScoringRules rules, AssistantTexts texts)
{
    /// <summary>
    /// "Khảo sát người dân do ai làm?", "xã tự khảo sát có được tính không?": the appraising level runs the surveys,
    /// who answers the form, and that what the commune gathers itself is item 2.5, not A.
    /// </summary>
    public AssistantAnswer WhoRuns(Question question)
    {
        var form = Form(question);
        string[] lines = [texts.Text("answer.surveyWho"), WhoAnswers(form), texts.Text("answer.surveyWhoOwnFeedback")];
        return new AssistantAnswer(string.Join('\n', lines) + "\n" + texts.Format("answer.source", ("source", texts.Text("source.surveyRules"))), AnswerKind.Computed);
    }

    /// <summary>"Lấy bao nhiêu phiếu?": who answers the form, the round's default target (citizens), and the sample under which A1 or A2 is flagged.</summary>
    public AssistantAnswer Sample(Question question, int year)
    {
        var form = Form(question);
        var citizen = form.UsesSurveyWindow;
        var lines = new List<string> { WhoAnswers(form) };
        if (rules.Counting.SampleMinimum(year, citizen) is var minimum and > 0)
        {
            lines.Add(texts.Format("answer.surveySampleMinimum", ("minimum", minimum), ("part", citizen ? "A1" : "A2"), ("year", year)));
        }
        return new AssistantAnswer(string.Join('\n', lines) + "\n" + texts.Format("answer.source", ("source", texts.Text("source.surveyRules"))), AnswerKind.Computed);
    }

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

    /// <summary>Who answers the form: citizens after a visit, one form per case, toward the round's target; or the registered cadres.</summary>
    private string WhoAnswers(SurveyForm form) => form.UsesSurveyWindow
        ? texts.Format("answer.surveySampleCitizen", ("appendix", form.Appendix), ("target", rules.Counting.CitizenTarget))
        : texts.Format("answer.surveySampleCadre", ("appendix", form.Appendix));

    /// <summary>The cadre form when the question is about village cadres, else the citizen form.</summary>
    private SurveyForm Form(Question question) =>
        texts.CadreForm.FoundIn(question) && !texts.CitizenForm.FoundIn(question) && rules.Scheme.FindForm("cadre") is { } cadre
            ? cadre
            : rules.Scheme.FindForm("citizen") ?? rules.Scheme.Forms.Values.First();
}
