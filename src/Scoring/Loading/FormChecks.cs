using Scoring.Scheme;

namespace Scoring.Loading;

/// <summary>A survey form: its file name matches its id, questions numbered 1…n, answer codes unique.</summary>
internal static class FormChecks
{
    public static IEnumerable<SchemeProblem> Check(string file, SurveyForm form)
    {
        var expectedId = Path.GetFileNameWithoutExtension(file);
        if (form.Id != expectedId)
        {
            yield return new SchemeProblem(file, "$.id", $"the id '{form.Id}' must match the file name '{expectedId}'");
        }
        for (var i = 0; i < form.Questions.Count; i++)
        {
            if (form.Questions[i].Number != i + 1)
            {
                yield return new SchemeProblem(file, $"$.questions[{i}].number", $"questions must be numbered 1, 2, … in order; expected {i + 1}");
            }
        }
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < form.Answers.Count; i++)
        {
            var answer = form.Answers[i];
            if (!codes.Add(answer.Code))
            {
                yield return new SchemeProblem(file, $"$.answers[{i}].code", $"the answer code '{answer.Code}' is used more than once");
            }
            // Aggregates are kept in hundredths of a point so sums stay exact integers.
            if (answer.Points * 100 % 1 != 0)
            {
                yield return new SchemeProblem(file, $"$.answers[{i}].points", "points may have at most two decimals");
            }
            if (i > 0 && answer.Points >= form.Answers[i - 1].Points)
            {
                yield return new SchemeProblem(file, $"$.answers[{i}].points", "answers must be listed from the best to the worst, each worth less than the one before");
            }
        }
    }
}
