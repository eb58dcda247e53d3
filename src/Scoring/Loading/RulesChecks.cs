using Scoring.Scheme;

namespace Scoring.Loading;

/// <summary>Levels ascending from 0, dates that exist, targets inside the scheme's years.</summary>
internal static class RulesChecks
{
    public static IEnumerable<SchemeProblem> Check(string file, SchemeRules rules, decimal total)
    {
        var problems = new List<SchemeProblem>();
        void Add(string path, string message) => problems.Add(new SchemeProblem(file, path, message));

        if (rules.Years.From > rules.Years.To)
        {
            Add("$.years", "'from' must not be after 'to'");
        }
        if (rules.Levels.Count == 0 || rules.Levels[0].Code != LevelCode.None || rules.Levels[0].MinTotal != 0)
        {
            Add("$.levels[0]", "the first level must be 'none' from 0 points");
        }
        for (var i = 1; i < rules.Levels.Count; i++)
        {
            if (rules.Levels[i].Code != rules.Levels[i - 1].Code + 1)
            {
                Add($"$.levels[{i}].code", $"levels must run none, level1, level2 … in order; expected {rules.Levels[i - 1].Code + 1}");
            }
            if (rules.Levels[i].MinTotal <= rules.Levels[i - 1].MinTotal)
            {
                Add($"$.levels[{i}].minTotal", "each level must start above the one before");
            }
            if (rules.Levels[i].MinTotal > total)
            {
                Add($"$.levels[{i}].minTotal", $"a level cannot start above the rubric's total ({RubricChecks.Show(total)})");
            }
        }
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Disqualifications.Count; i++)
        {
            if (!kinds.Add(rules.Disqualifications[i].Kind))
            {
                Add($"$.disqualifications[{i}].kind", $"the kind '{rules.Disqualifications[i].Kind}' is used more than once");
            }
        }
        for (var i = 0; i < rules.SurveyIntegrity.OpenFormsCountInA1.Count; i++)
        {
            if (!rules.Years.Contains(rules.SurveyIntegrity.OpenFormsCountInA1[i]))
            {
                Add($"$.surveyIntegrity.openFormsCountInA1[{i}]", $"{rules.SurveyIntegrity.OpenFormsCountInA1[i]} is not a year of the scheme");
            }
        }
        CheckDate("$.deadlines.selfAssessment", rules.Deadlines.SelfAssessment, Add);
        CheckDate("$.deadlines.appraisal", rules.Deadlines.Appraisal, Add);
        for (var i = 0; i < rules.CitizenSurveyWindow.Overrides.Count; i++)
        {
            var window = rules.CitizenSurveyWindow.Overrides[i];
            var path = $"$.citizenSurveyWindow.overrides[{i}]";
            if (window.From > window.To)
            {
                Add(path, "'from' must not be after 'to'");
            }
            if (window.From.Year != window.Year || window.To.Year != window.Year)
            {
                Add(path, $"both dates must fall in {window.Year}");
            }
            if (rules.CitizenSurveyWindow.Overrides.Take(i).Any(o => o.Year == window.Year))
            {
                Add($"{path}.year", $"{window.Year} has more than one override");
            }
        }
        var years = new HashSet<int>();
        for (var i = 0; i < rules.Targets.Count; i++)
        {
            var target = rules.Targets[i];
            if (!rules.Years.Contains(target.Year))
            {
                Add($"$.targets[{i}].year", $"{target.Year} is outside the scheme's years {rules.Years.From}–{rules.Years.To}");
            }
            if (!years.Add(target.Year))
            {
                Add($"$.targets[{i}].year", $"{target.Year} has more than one target");
            }
        }
        return problems;
    }

    private static void CheckDate(string path, DayOfYearRule rule, Action<string, string> add)
    {
        // Checked against a leap year, so 29/02 is allowed and 31/04 is not.
        if (rule.Day > DateTime.DaysInMonth(2024, rule.Month))
        {
            add(path, $"{rule.Day}/{rule.Month} is not a date");
        }
    }
}
