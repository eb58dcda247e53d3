using System.Globalization;
using System.Text;
using System.Text.Json;
using Json.Schema;

namespace Scoring.Loading;

/// <summary>
/// Checks a JSON document against one of the schemas in dialogs/schemas with JsonSchema.Net, and
/// says each defect the way the loader always has: a JSONPath-like location ("$.steps[2].kind") and
/// a short message ("must be one of [...]", "must be at least 0", "is missing the required property
/// 'text'"), so a broken definition reads the same in CI as in a boot log.
/// </summary>
public sealed class JsonSchemaValidator
{
    private readonly JsonSchema _schema;

    static JsonSchemaValidator()
    {
        // The library's messages are global and templated; this loader is its only user in the process.
        ErrorMessages.Type = "must be of type [[expected]]";
        ErrorMessages.Enum = "must be one of [[values]]";
        ErrorMessages.Const = "must be [[value]]";
        ErrorMessages.Pattern = "must match [[pattern]]";
        ErrorMessages.MinLength = "must have at least [[limit]] characters";
        ErrorMessages.MaxLength = "must have at most [[limit]] characters";
        ErrorMessages.MinItems = "must have at least [[limit]] items";
        ErrorMessages.Minimum = "must be at least [[limit]]";
        ErrorMessages.Maximum = "must be at most [[limit]]";
        ErrorMessages.ExclusiveMinimum = "must be greater than [[limit]]";
        ErrorMessages.FalseSchema = "is not a known property";
        // A JSON array of the missing names, told one by one below.
        ErrorMessages.Required = "[[missing]]";
    }

    public JsonSchemaValidator(JsonElement schema) =>
        // A registry of its own: every load (and every test) builds the same $ids afresh.
        _schema = JsonSchema.FromText(schema.GetRawText(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    public IReadOnlyList<(string Path, string Message)> Validate(JsonElement instance)
    {
        var results = _schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }
        var problems = new List<(string, string)>();
        foreach (var node in (results.Details ?? []).Prepend(results).Where(n => n.Errors is { Count: > 0 }))
        {
            var path = Path(Segments(node.InstanceLocation.ToString()), instance);
            foreach (var (keyword, message) in node.Errors!)
            {
                problems.AddRange(keyword switch
                {
                    "required" => JsonSerializer.Deserialize<string[]>(message)!.Select(name => (path, $"is missing the required property '{name}'")),
                    // The library quotes a type's name and a pattern as JSON strings; the loader never did.
                    "type" or "pattern" => [(path, message.Replace("\"", "", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal))],
                    _ => [(path, message.Replace("\\u0022", "\"", StringComparison.Ordinal))],
                });
            }
        }
        return [.. problems.Distinct()];
    }

    /// <summary>"/steps/2/kind" → "$.steps[2].kind": an index where the instance has an array there, a name elsewhere.</summary>
    private static string Path(string[] segments, JsonElement instance)
    {
        var path = new StringBuilder("$");
        JsonElement? current = instance;
        foreach (var segment in segments)
        {
            var inArray = current is { ValueKind: JsonValueKind.Array };
            path.Append(inArray ? $"[{segment}]" : "." + segment);
            current = current switch
            {
                { ValueKind: JsonValueKind.Object } o when o.TryGetProperty(segment, out var child) => child,
                { ValueKind: JsonValueKind.Array } a when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.GetArrayLength() => a[i],
                _ => null,
            };
        }
        return path.ToString();
    }

    /// <summary>A JSON Pointer's segments, unescaped (RFC 6901: "~1" is "/", "~0" is "~").</summary>
    private static string[] Segments(string pointer) =>
        pointer.Length == 0 ? [] : [.. pointer.TrimStart('/').Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];
}
