using Scoring.Scheme;

namespace Scoring.Rules;

/// <summary>How a survey form scores (Phụ lục 02, 03) and how A1 and A2 are averaged.</summary>
public sealed class SurveyScoring(SchemeDefinition scheme)
{
    /// <summary>
    /// Checks that <paramref name="answerCodes"/> answers every question of <paramref name="formId"/>
    /// with a known code, and scores it. Returns null and the reason when it does not.
    /// </summary>
    public ScoredForm? Score(string formId, IReadOnlyList<string>? answerCodes, out FormDefect? defect)
    {
        defect = null;
        var form = scheme.FindForm(formId);
        if (form is null)
        {
            defect = new FormDefect(FormDefectKind.UnknownForm, -1);
            return null;
        }
        if (answerCodes is null || answerCodes.Count != form.Questions.Count)
        {
            defect = new FormDefect(FormDefectKind.WrongAnswerCount, form.Questions.Count);
            return null;
        }
        var perQuestion = new decimal[answerCodes.Count];
        for (var i = 0; i < answerCodes.Count; i++)
        {
            var answer = answerCodes[i] is { } code ? form.FindAnswer(code) : null;
            if (answer is null)
            {
                defect = new FormDefect(FormDefectKind.UnknownAnswer, i);
                return null;
            }
            perQuestion[i] = answer.Points;
        }
        return new ScoredForm(form, perQuestion.Sum(), perQuestion);
    }

    /// <summary>
    /// A1 or A2: the mean form score, rounded half away from zero to two decimals (the seed is
    /// silent on rounding; this rule is documented in the README). No forms score 0.
    /// </summary>
    public static decimal Mean(SurveyAggregate aggregate) =>
        aggregate.Count == 0
            ? 0m
            : Math.Round(CentiPoints.ToPoints(aggregate.SumCentiPoints) / aggregate.Count, 2, MidpointRounding.AwayFromZero);

    /// <summary>Each question's mean points per answer in <paramref name="aggregate"/> of <paramref name="form"/>, rounded to two decimals.</summary>
    public static IEnumerable<QuestionScore> QuestionScores(SurveyForm form, SurveyAggregate aggregate) =>
        form.Questions.Select((question, i) => new QuestionScore(
            form.Id,
            question.Number,
            question.Text,
            aggregate.Count == 0 || i >= aggregate.QuestionSumsCentiPoints.Count
                ? 0m
                : Math.Round(CentiPoints.ToPoints(aggregate.QuestionSumsCentiPoints[i]) / aggregate.Count, 2, MidpointRounding.AwayFromZero),
            aggregate.Count));
}

public sealed record ScoredForm(SurveyForm Form, decimal Score, IReadOnlyList<decimal> QuestionPoints);

public enum FormDefectKind
{
    UnknownForm,
    WrongAnswerCount,
    UnknownAnswer,
}

/// <summary>Why a form was refused; <see cref="Index"/> is the expected count or the offending answer's index.</summary>
public sealed record FormDefect(FormDefectKind Kind, int Index);
