using Scoring.Scheme;

namespace Scoring.Loading;

/// <summary>A survey dialog: its form exists, each kind has what it needs, summary then submit end it.</summary>
internal static class SurveyChecks
{
    public static IEnumerable<SchemeProblem> Check(string file, SurveyDialog dialog, IReadOnlyDictionary<string, SurveyForm> forms)
    {
        var problems = new List<SchemeProblem>();
        void Add(string path, string message) => problems.Add(new SchemeProblem(file, path, message));

        if (dialog.Id != Path.GetFileNameWithoutExtension(file))
        {
            Add("$.id", $"the id '{dialog.Id}' must match the file name");
        }
        if (!forms.TryGetValue(dialog.Form, out var form))
        {
            Add("$.form", $"no survey form '{dialog.Form}' in dialogs/forms");
            return problems;
        }
        foreach (var code in dialog.AnswerSynonyms.Keys.Where(code => form.FindAnswer(code) is null))
        {
            Add($"$.answerSynonyms.{code}", $"'{code}' is not an answer code of form '{form.Id}'");
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var fields = new HashSet<string>(StringComparer.Ordinal);
        var questions = new HashSet<int>();
        for (var i = 0; i < dialog.Steps.Count; i++)
        {
            var step = dialog.Steps[i];
            var path = $"$.steps[{i}]";
            if (!ids.Add(step.Id))
            {
                Add($"{path}.id", $"the step id '{step.Id}' is used more than once");
            }
            if (step.Field is { } field && !fields.Add(field))
            {
                Add($"{path}.field", $"the field '{field}' is recorded by more than one step");
            }
            foreach (var missing in Required(step).Where(r => r.Value is null).Select(r => r.Name))
            {
                Add(path, $"a {step.Kind} step needs '{missing}'");
            }
            if (step.KnownText is not null && step.Kind != StepKinds.Text)
            {
                Add($"{path}.knownText", "only a text step offers a known answer");
            }
            if (step.Kind == StepKinds.Choice && step.Question is { } number)
            {
                if (number > form.Questions.Count)
                {
                    Add($"{path}.question", $"form '{form.Id}' has no question {number}");
                }
                questions.Add(number);
            }
        }
        foreach (var number in form.Questions.Select(q => q.Number).Where(n => !questions.Contains(n)))
        {
            Add("$.steps", $"question {number} of form '{form.Id}' is never asked");
        }
        var kinds = dialog.Steps.Select(s => s.Kind).ToList();
        if (kinds.Count < 2 || kinds[^1] != StepKinds.Submit || kinds[^2] != StepKinds.Summary || kinds.Count(k => k is StepKinds.Submit or StepKinds.Summary) != 2)
        {
            Add("$.steps", "a survey must end with exactly one summary step followed by one submit step");
        }
        return problems;
    }

    private static IEnumerable<(string Name, object? Value)> Required(DialogStep step) => step.Kind switch
    {
        StepKinds.Message or StepKinds.Submit or StepKinds.Summary => [("text", step.Text)],
        StepKinds.Consent => [("text", step.Text), ("feedbackText", step.FeedbackText), ("help", step.Help), ("declinedText", step.DeclinedText)],
        StepKinds.Text => [("text", step.Text), ("field", step.Field), ("help", step.Help)],
        StepKinds.Choice when step.Question is null => [("field", step.Field), ("options", step.Options), ("text", step.Text), ("help", step.Help)],
        StepKinds.Choice => [("help", step.Help)],
        _ => [],
    };
}
