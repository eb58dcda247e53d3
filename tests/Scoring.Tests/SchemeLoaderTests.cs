using System.Text.Json.Nodes;
using Scoring.Loading;

namespace Scoring.Tests;

/// <summary>Each test copies dialogs/, breaks one thing, and expects the loader to name the file, the path and the problem.</summary>
public sealed class SchemeLoaderTests : IDisposable
{
    private readonly string _dialogs = Path.Combine(Path.GetTempPath(), "dialogs-" + Guid.NewGuid().ToString("N"));

    public SchemeLoaderTests()
    {
        foreach (var file in Directory.EnumerateFiles(SchemeLoader.DefaultDirectory, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_dialogs, Path.GetRelativePath(SchemeLoader.DefaultDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => Directory.Delete(_dialogs, recursive: true);

    [Fact]
    public void Load_TheShippedDefinitions_Succeeds()
    {
        var scheme = SchemeLoader.Load(_dialogs);

        Assert.Equal(100m, scheme.Rubric.Total);
        Assert.Equal(["cadre", "citizen"], scheme.Forms.Keys.Order());
        Assert.Equal(5, scheme.Forms["citizen"].Questions.Count);
        Assert.Equal(["tot", "kha", "trung-binh", "yeu"], scheme.Forms["citizen"].Answers.Select(a => a.Code));
        Assert.Equal([2m, 1m, 0.5m, 0m], scheme.Forms["cadre"].Answers.Select(a => a.Points));
        Assert.StartsWith("Ông/Bà đánh giá mức độ tuyên truyền", scheme.Forms["citizen"].Questions[0].Text, StringComparison.Ordinal);
        Assert.Equal(5, scheme.Rules.Levels.Count);
        Assert.True(scheme.Texts.Contains("problem.title.400"));
    }

    [Theory]
    [InlineData("scheme/rubric.json", "partB.items[0].children[0].max", "3", "$.partB.items[0].max", "children add up to 23")]
    [InlineData("scheme/rubric.json", "partB.items[2].children[3].max", "5", "$.partB.items[2].max", "children add up to 11")]
    [InlineData("scheme/rubric.json", "partB.items[1].children[0].children[1].id", "\"2.1.a\"", "$.partB.items[1].children[0].children[1].id", "used more than once")]
    [InlineData("scheme/rubric.json", "partB.items[0].children[0].children[0].id", "\"3.1.a\"", "$.partB.items[0].children[0].children[0].id", "must start with '1.1.'")]
    [InlineData("scheme/rubric.json", "partB.max", "81", "$.partB.max", "part B must be worth 80")]
    [InlineData("scheme/rubric.json", "partA.max", "25", "$.partA.max", "part A must be worth 20")]
    [InlineData("scheme/rubric.json", "total", "110", "$.total", "the total must be 100")]
    [InlineData("scheme/rubric.json", "scoreStep", "0.3", "$.partB.items[3].children[1].children[0].max", "not a multiple of the score step")]
    [InlineData("scheme/rubric.json", "partA.surveys[0].form", "\"visitor\"", "$.partA.surveys[0].form", "no survey form 'visitor'")]
    [InlineData("scheme/rubric.json", "partB.items[0].max", "\"22\"", "$.partB.items[0].max", "must be of type number")]
    [InlineData("scheme/rubric.json", "partB.items[0].colour", "\"red\"", "$.partB.items[0].colour", "is not a known property")]
    [InlineData("forms/citizen.json", "answers[0].points", "3", "$.partA.surveys[0].max", "scores at most 15")]
    [InlineData("forms/citizen.json", "answers[2].code", "\"kha\"", "$.answers[2].code", "used more than once")]
    [InlineData("forms/citizen.json", "answers[3].points", "1", "$.answers[3].points", "each worth less than the one before")]
    [InlineData("forms/citizen.json", "answers[3].points", "-1", "$.answers[3].points", "must be at least 0")]
    [InlineData("forms/cadre.json", "questions[2].number", "4", "$.questions[2].number", "expected 3")]
    [InlineData("forms/cadre.json", "id", "\"citizen\"", "$.id", "must match the file name 'cadre'")]
    [InlineData("scheme/scheme.json", "levels[2].minTotal", "79", "$.levels[2].minTotal", "start above the one before")]
    [InlineData("scheme/scheme.json", "levels[1].code", "\"level2\"", "$.levels[1].code", "expected Level1")]
    [InlineData("scheme/scheme.json", "targets[0].year", "2031", "$.targets[0].year", "outside the scheme's years")]
    [InlineData("scheme/scheme.json", "deadlines.selfAssessment.month", "13", "$.deadlines.selfAssessment.month", "must be at most 12")]
    [InlineData("scheme/scheme.json", "deadlines.appraisal.day", "31", "$.deadlines.appraisal", "31/4 is not a date")]
    [InlineData("scheme/scheme.json", "surveyIntegrity.openFormsCountInA1", "[2040]", "$.surveyIntegrity.openFormsCountInA1[0]", "not a year of the scheme")]
    [InlineData("scheme/scheme.json", "surveyIntegrity.burst.forms", "1", "$.surveyIntegrity.burst.forms", "must be at least 2")]
    [InlineData("scheme/scheme.json", "appraisingLevel", "\"village\"", "$.appraisingLevel", "must be one of")]
    [InlineData("scheme/scheme.json", "disqualifications[1].kind", "\"complaints\"", "$.disqualifications[1].kind", "used more than once")]
    [InlineData("surveys/citizen.json", "form", "\"visitor\"", "$.form", "no survey form 'visitor'")]
    [InlineData("surveys/citizen.json", "steps[2].question", "9", "$.steps[2].question", "has no question 9")]
    [InlineData("surveys/citizen.json", "steps[3].question", "1", "$.steps", "question 2 of form 'citizen' is never asked")]
    [InlineData("surveys/citizen.json", "steps[3].id", "\"q1\"", "$.steps[3].id", "used more than once")]
    [InlineData("surveys/citizen.json", "steps[2].kind", "\"slider\"", "$.steps[2].kind", "must be one of")]
    [InlineData("surveys/citizen.json", "steps[1].declinedText", "null", "$.steps[1].declinedText", "must be of type string")]
    [InlineData("surveys/citizen.json", "steps[11].kind", "\"message\"", "$.steps", "end with exactly one summary step followed by one submit step")]
    [InlineData("surveys/citizen.json", "steps[8].field", "\"comment\"", "$.steps[8].field", "recorded by more than one step")]
    [InlineData("surveys/cadre.json", "answerSynonyms.xuat-sac", "[\"tuyệt\"]", "$.answerSynonyms.xuat-sac", "not an answer code")]
    public void Load_OneDefect_IsNamedByFilePathAndProblem(string file, string path, string json, string expectedPath, string expectedMessage)
    {
        Edit(file, path, json);
        if (file == "scheme/scheme.json" && path == "deadlines.appraisal.day")
        {
            Edit(file, "deadlines.appraisal.month", "4"); // 31/04 does not exist
        }

        var error = Assert.Throws<SchemeValidationException>(() => SchemeLoader.Load(_dialogs));

        var expectedFile = expectedPath.StartsWith("$.partA", StringComparison.Ordinal) ? "scheme/rubric.json" : file;
        Assert.Contains(error.Problems, p => p.File == expectedFile && p.JsonPath == expectedPath && p.Message.Contains(expectedMessage, StringComparison.Ordinal));
        Assert.Contains(expectedFile, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingRequiredProperty_IsNamed()
    {
        var node = Read("forms/citizen.json");
        node["questions"]!.AsArray()[1]!.AsObject().Remove("text");
        Write("forms/citizen.json", node);

        var error = Assert.Throws<SchemeValidationException>(() => SchemeLoader.Load(_dialogs));

        Assert.Contains(error.Problems, p => p.File == "forms/citizen.json" && p.JsonPath == "$.questions[1]" && p.Message.Contains("'text'", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_ConsentWithoutWhatItSaysToAFeedbackForm_IsNamed()
    {
        var node = Read("surveys/citizen.json");
        node["steps"]!.AsArray()[1]!.AsObject().Remove("feedbackText");
        Write("surveys/citizen.json", node);

        var error = Assert.Throws<SchemeValidationException>(() => SchemeLoader.Load(_dialogs));

        Assert.Contains(error.Problems, p => p.File == "surveys/citizen.json" && p.JsonPath == "$.steps[1]" && p.Message == "a consent step needs 'feedbackText'");
    }

    [Fact]
    public void Load_KnownAnswerOnAStepThatIsNotText_IsNamed()
    {
        var node = Read("surveys/cadre.json");
        node["steps"]!.AsArray()[2]!.AsObject()["knownText"] = "Chức danh của Ông/Bà:";
        Write("surveys/cadre.json", node);

        var error = Assert.Throws<SchemeValidationException>(() => SchemeLoader.Load(_dialogs));

        Assert.Contains(error.Problems, p => p.File == "surveys/cadre.json" && p.JsonPath == "$.steps[2].knownText" && p.Message == "only a text step offers a known answer");
    }

    [Fact]
    public void Load_StepMissingWhatItsKindNeeds_IsNamed()
    {
        var node = Read("surveys/cadre.json");
        node["steps"]!.AsArray()[2]!.AsObject().Remove("options");
        Write("surveys/cadre.json", node);

        var error = Assert.Throws<SchemeValidationException>(() => SchemeLoader.Load(_dialogs));

        Assert.Contains(error.Problems, p => p.File == "surveys/cadre.json" && p.JsonPath == "$.steps[2]" && p.Message == "a choice step needs 'options'");
    }

    [Fact]
    public void Load_NotJson_NamesTheFileAndLine()
    {
        File.WriteAllText(Path.Combine(_dialogs, "scheme/scheme.json"), "{\n  \"name\": \"x\",\n  oops\n}");

        var error = Assert.Throws<SchemeValidationException>(() => SchemeLoader.Load(_dialogs));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("scheme/scheme.json", problem.File);
        Assert.Contains("not valid JSON (line 3)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_IsNamed()
    {
        File.Delete(Path.Combine(_dialogs, "scheme/rubric.json"));

        var error = Assert.Throws<SchemeValidationException>(() => SchemeLoader.Load(_dialogs));

        Assert.Contains(error.Problems, p => p.File == "scheme/rubric.json" && p.Message == "the file is missing");
    }

    [Fact]
    public void Load_StrayFile_IsRefused()
    {
        File.WriteAllText(Path.Combine(_dialogs, "notes.json"), "{}");

        var error = Assert.Throws<SchemeValidationException>(() => SchemeLoader.Load(_dialogs));

        Assert.Contains(error.Problems, p => p.File == "notes.json" && p.Message.Contains("no kind of definition", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_DuplicateTextId_IsRefused()
    {
        File.WriteAllText(Path.Combine(_dialogs, "text/extra.vi.json"), """{ "messages": { "problem.title.400": "Trùng" } }""");

        var error = Assert.Throws<SchemeValidationException>(() => SchemeLoader.Load(_dialogs));

        Assert.Contains(error.Problems, p => p.File == "text/scoring-core.vi.json" || p.File == "text/extra.vi.json");
    }

    private JsonNode Read(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(_dialogs, file)))!;

    private void Write(string file, JsonNode node) => File.WriteAllText(Path.Combine(_dialogs, file), node.ToJsonString());

    /// <summary>Sets the value at a dotted path with [i] indexes, e.g. "partB.items[0].max".</summary>
    private void Edit(string file, string path, string json)
    {
        var root = Read(file);
        var parts = path.Split('.');
        JsonNode node = root;
        for (var i = 0; i < parts.Length; i++)
        {
            var (name, index) = Split(parts[i]);
            var last = i == parts.Length - 1;
            if (index is null && last)
            {
                node.AsObject()[name] = JsonNode.Parse(json);
                break;
            }
            node = node[name]!;
            if (index is { } at)
            {
                if (last)
                {
                    node.AsArray()[at] = JsonNode.Parse(json);
                    break;
                }
                node = node[at]!;
            }
        }
        Write(file, root);
    }

    private static (string Name, int? Index) Split(string part)
    {
        var bracket = part.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0 ? (part, null) : (part[..bracket], int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
