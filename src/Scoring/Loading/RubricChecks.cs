using System.Globalization;
using Scoring.Scheme;

namespace Scoring.Loading;

/// <summary>The rubric's arithmetic: unique ids, each parent the sum of its children, A + B = total.</summary>
internal static class RubricChecks
{
    // The scheme's own split (Phụ lục 01): A = 20 from surveys, B = 80 self-scored, 100 in all.
    private const decimal ExpectedTotal = 100m;
    private const decimal ExpectedPartA = 20m;
    private const decimal ExpectedPartB = 80m;

    public static IEnumerable<SchemeProblem> Check(string file, RubricFile rubric, IReadOnlyDictionary<string, SurveyForm> forms)
    {
        var problems = new List<SchemeProblem>();
        void Add(string path, string message) => problems.Add(new SchemeProblem(file, path, message));

        if (rubric.Total != ExpectedTotal)
        {
            Add("$.total", $"the total must be {Show(ExpectedTotal)}, not {Show(rubric.Total)}");
        }
        if (rubric.PartA.Max != ExpectedPartA)
        {
            Add("$.partA.max", $"part A must be worth {Show(ExpectedPartA)}, not {Show(rubric.PartA.Max)}");
        }
        if (rubric.PartB.Max != ExpectedPartB)
        {
            Add("$.partB.max", $"part B must be worth {Show(ExpectedPartB)}, not {Show(rubric.PartB.Max)}");
        }
        if (rubric.PartA.Max + rubric.PartB.Max != rubric.Total)
        {
            Add("$.total", $"A ({Show(rubric.PartA.Max)}) + B ({Show(rubric.PartB.Max)}) must equal the total ({Show(rubric.Total)})");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal) { rubric.PartA.Id, rubric.PartB.Id };
        var surveySum = 0m;
        for (var i = 0; i < rubric.PartA.Surveys.Count; i++)
        {
            var survey = rubric.PartA.Surveys[i];
            var path = $"$.partA.surveys[{i}]";
            surveySum += survey.Max;
            if (!seen.Add(survey.Id))
            {
                Add($"{path}.id", $"the id '{survey.Id}' is used more than once");
            }
            if (!forms.TryGetValue(survey.Form, out var form))
            {
                Add($"{path}.form", $"no survey form '{survey.Form}' in dialogs/forms");
            }
            else if (form.MaxScore != survey.Max)
            {
                Add($"{path}.max", $"form '{form.Id}' scores at most {Show(form.MaxScore)}, but this part is worth {Show(survey.Max)}");
            }
        }
        if (surveySum != rubric.PartA.Max)
        {
            Add("$.partA.max", $"part A is {Show(rubric.PartA.Max)} but its surveys add up to {Show(surveySum)}");
        }

        var itemSum = 0m;
        for (var i = 0; i < rubric.PartB.Items.Count; i++)
        {
            itemSum += rubric.PartB.Items[i].Max;
            CheckItem(rubric.PartB.Items[i], $"$.partB.items[{i}]", parentId: null, rubric.ScoreStep, seen, Add);
        }
        if (itemSum != rubric.PartB.Max)
        {
            Add("$.partB.max", $"part B is {Show(rubric.PartB.Max)} but its criteria add up to {Show(itemSum)}");
        }
        return problems;
    }

    private static void CheckItem(RubricItem item, string path, string? parentId, decimal step, HashSet<string> seen, Action<string, string> add)
    {
        if (!seen.Add(item.Id))
        {
            add($"{path}.id", $"the id '{item.Id}' is used more than once");
        }
        if (parentId is not null && !item.Id.StartsWith(ChildPrefix(parentId), StringComparison.Ordinal))
        {
            add($"{path}.id", $"'{item.Id}' sits under '{parentId}', so its id must start with '{ChildPrefix(parentId)}'");
        }
        if (step > 0 && item.Max % step != 0)
        {
            add($"{path}.max", $"{Show(item.Max)} is not a multiple of the score step {Show(step)}");
        }
        if (item.Children.Count == 0)
        {
            return;
        }
        var sum = item.Children.Sum(c => c.Max);
        if (sum != item.Max)
        {
            add($"{path}.max", $"'{item.Id}' is worth {Show(item.Max)} but its children add up to {Show(sum)}");
        }
        for (var i = 0; i < item.Children.Count; i++)
        {
            CheckItem(item.Children[i], $"{path}.children[{i}]", item.Id, step, seen, add);
        }
    }

    // TC3's children are 3.1, 3.2…; 1.2's are 1.2.a…
    private static string ChildPrefix(string parentId) =>
        parentId.StartsWith("TC", StringComparison.Ordinal) ? parentId[2..] + "." : parentId + ".";

    internal static string Show(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
