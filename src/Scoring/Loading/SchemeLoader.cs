using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Scoring.Scheme;
using Scoring.Text;

namespace Scoring.Loading;

/// <summary>
/// Reads dialogs/, checks every file against its schema and the scheme's arithmetic, and returns
/// the definitions, or throws <see cref="SchemeValidationException"/> naming each defect's file,
/// JSON path and problem. Called once at start, so a broken file stops the service at boot.
/// </summary>
public static class SchemeLoader
{
    private const string RubricFileName = "scheme/rubric.json";
    private const string RulesFileName = "scheme/scheme.json";

    /// <summary>The folders of dialogs/ and the schema each file in them must follow.</summary>
    private static readonly (string Folder, string Schema)[] Kinds =
    [
        ("scheme/rubric.json", "rubric.schema.json"),
        ("scheme/scheme.json", "scheme.schema.json"),
        ("forms", "form.schema.json"),
        ("surveys", "survey.schema.json"),
        ("text", "messages.schema.json"),
        // Read by the bot's scoring assistant, which indexes the texts it lists; validated here with the rest.
        ("sources/sources.json", "sources.schema.json"),
    ];

    /// <summary>The dialogs/ folder beside the running program (copied there by the build).</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "dialogs");

    public static SchemeDefinition Load(string? directory = null)
    {
        directory ??= DefaultDirectory;
        if (!Directory.Exists(directory))
        {
            throw new SchemeValidationException([new SchemeProblem(directory, "$", "the dialogs folder does not exist")]);
        }
        var problems = new List<SchemeProblem>();
        var documents = ReadAndValidate(directory, problems);
        if (problems.Count > 0)
        {
            throw new SchemeValidationException(problems);
        }

        var forms = documents.Where(d => d.Key.StartsWith("forms/", StringComparison.Ordinal))
            .Select(d => (d.Key, Form: Deserialize(d.Value, SchemeJsonContext.Default.SurveyForm)!))
            .ToList();
        foreach (var (file, form) in forms)
        {
            problems.AddRange(FormChecks.Check(file, form));
        }
        var formsById = forms.GroupBy(f => f.Form.Id).ToDictionary(g => g.Key, g => g.First().Form, StringComparer.Ordinal);

        var rubricFile = Deserialize(Require(documents, RubricFileName, problems), SchemeJsonContext.Default.RubricFile);
        var rules = Deserialize(Require(documents, RulesFileName, problems), SchemeJsonContext.Default.SchemeRules);
        if (rubricFile is not null)
        {
            problems.AddRange(RubricChecks.Check(RubricFileName, rubricFile, formsById));
        }
        if (rules is not null && rubricFile is not null)
        {
            problems.AddRange(RulesChecks.Check(RulesFileName, rules, rubricFile.Total));
        }

        var surveys = new Dictionary<string, SurveyDialog>(StringComparer.Ordinal);
        foreach (var (file, document) in documents.Where(d => d.Key.StartsWith("surveys/", StringComparison.Ordinal)))
        {
            var survey = Deserialize(document, SchemeJsonContext.Default.SurveyDialog)!;
            problems.AddRange(SurveyChecks.Check(file, survey, formsById));
            surveys[survey.Id] = survey;
        }

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (file, document) in documents.Where(d => d.Key.StartsWith("text/", StringComparison.Ordinal)))
        {
            foreach (var (key, value) in Deserialize(document, SchemeJsonContext.Default.MessagesFile)!.Messages)
            {
                if (!texts.TryAdd(key, value))
                {
                    problems.Add(new SchemeProblem(file, $"$.messages.{key}", "this text id is defined in another file too"));
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new SchemeValidationException(problems);
        }
        return new SchemeDefinition(new Rubric(rubricFile!), rules!, formsById, surveys, new TextCatalog(texts));
    }

    private static SortedDictionary<string, JsonElement> ReadAndValidate(string directory, List<SchemeProblem> problems)
    {
        var schemas = new Dictionary<string, JsonSchemaValidator>(StringComparer.Ordinal);
        var documents = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories))
        {
            var file = Path.GetRelativePath(directory, path).Replace('\\', '/');
            if (file.StartsWith("schemas/", StringComparison.Ordinal))
            {
                continue;
            }
            var kind = Kinds.FirstOrDefault(k => file == k.Folder || file.StartsWith(k.Folder + "/", StringComparison.Ordinal));
            if (kind.Schema is null)
            {
                problems.Add(new SchemeProblem(file, "$", "no kind of definition lives here; move it or add its kind to the loader"));
                continue;
            }
            if (!TryParse(path, file, problems, out var document))
            {
                continue;
            }
            if (!schemas.TryGetValue(kind.Schema, out var validator))
            {
                var schemaPath = Path.Combine(directory, "schemas", kind.Schema);
                if (!TryParse(schemaPath, "schemas/" + kind.Schema, problems, out var schema))
                {
                    continue;
                }
                schemas[kind.Schema] = validator = new JsonSchemaValidator(schema);
            }
            var defects = validator.Validate(document);
            problems.AddRange(defects.Select(d => new SchemeProblem(file, d.Path, d.Message)));
            documents[file] = document;
        }
        return documents;
    }

    private static bool TryParse(string path, string file, List<SchemeProblem> problems, out JsonElement document)
    {
        document = default;
        if (!File.Exists(path))
        {
            problems.Add(new SchemeProblem(file, "$", "the file is missing"));
            return false;
        }
        try
        {
            using var parsed = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            document = parsed.RootElement.Clone();
            return true;
        }
        catch (JsonException e)
        {
            problems.Add(new SchemeProblem(file, e.Path ?? "$", $"not valid JSON (line {e.LineNumber + 1}): {e.Message}"));
            return false;
        }
    }

    private static JsonElement? Require(SortedDictionary<string, JsonElement> documents, string file, List<SchemeProblem> problems)
    {
        if (documents.TryGetValue(file, out var document))
        {
            return document;
        }
        problems.Add(new SchemeProblem(file, "$", "the file is missing"));
        return null;
    }

    private static T? Deserialize<T>(JsonElement? document, JsonTypeInfo<T> type) where T : class =>
        document is { } value ? value.Deserialize(type) : null;
}
