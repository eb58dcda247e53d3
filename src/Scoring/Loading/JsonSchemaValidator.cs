using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Scoring.Loading;

/// <summary>
/// Checks a JSON document against one of the schemas in dialogs/schemas. Only the keywords those
/// schemas use are implemented (type, properties, required, additionalProperties, items, enum,
/// const, pattern, minLength, minItems, minimum, maximum, exclusiveMinimum, local $ref): the
/// registry reachable here has no JSON Schema package, and an unknown keyword fails loudly so a
/// schema can never silently check less than it says.
/// </summary>
public sealed class JsonSchemaValidator(JsonElement schema)
{
    private static readonly HashSet<string> Annotations = ["$schema", "$id", "title", "description", "$defs"];

    public IReadOnlyList<(string Path, string Message)> Validate(JsonElement instance)
    {
        var problems = new List<(string, string)>();
        Check(schema, instance, "$", problems);
        return problems;
    }

    private void Check(JsonElement rule, JsonElement value, string path, List<(string, string)> problems)
    {
        foreach (var keyword in rule.EnumerateObject())
        {
            var ok = keyword.Name switch
            {
                "$ref" => CheckRef(keyword.Value.GetString()!, value, path, problems),
                "type" => CheckType(keyword.Value, value, path, problems),
                "properties" or "additionalProperties" or "required" => CheckObject(rule, keyword.Name, value, path, problems),
                "items" => CheckItems(keyword.Value, value, path, problems),
                "enum" => Expect(keyword.Value.EnumerateArray().Any(e => JsonElement.DeepEquals(e, value)), path, $"must be one of {keyword.Value.GetRawText()}", problems),
                "const" => Expect(JsonElement.DeepEquals(keyword.Value, value), path, $"must be {keyword.Value.GetRawText()}", problems),
                "pattern" => value.ValueKind != JsonValueKind.String
                    || Expect(Regex.IsMatch(value.GetString()!, keyword.Value.GetString()!, RegexOptions.None, TimeSpan.FromSeconds(1)), path, $"must match {keyword.Value.GetString()}", problems),
                "minLength" => value.ValueKind != JsonValueKind.String
                    || Expect(value.GetString()!.Length >= keyword.Value.GetInt32(), path, $"must have at least {keyword.Value.GetInt32()} characters", problems),
                "minItems" => value.ValueKind != JsonValueKind.Array
                    || Expect(value.GetArrayLength() >= keyword.Value.GetInt32(), path, $"must have at least {keyword.Value.GetInt32()} items", problems),
                "minimum" => value.ValueKind != JsonValueKind.Number
                    || Expect(value.GetDecimal() >= keyword.Value.GetDecimal(), path, $"must be at least {Show(keyword.Value)}", problems),
                "maximum" => value.ValueKind != JsonValueKind.Number
                    || Expect(value.GetDecimal() <= keyword.Value.GetDecimal(), path, $"must be at most {Show(keyword.Value)}", problems),
                "exclusiveMinimum" => value.ValueKind != JsonValueKind.Number
                    || Expect(value.GetDecimal() > keyword.Value.GetDecimal(), path, $"must be greater than {Show(keyword.Value)}", problems),
                _ when Annotations.Contains(keyword.Name) => true,
                _ => throw new NotSupportedException($"Schema keyword '{keyword.Name}' is not supported by {nameof(JsonSchemaValidator)}."),
            };
            _ = ok;
        }
    }

    private bool CheckRef(string reference, JsonElement value, string path, List<(string, string)> problems)
    {
        const string Prefix = "#/$defs/";
        if (!reference.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new NotSupportedException($"Only local '{Prefix}…' references are supported, not '{reference}'.");
        }
        var target = schema.GetProperty("$defs").GetProperty(reference[Prefix.Length..]);
        var before = problems.Count;
        Check(target, value, path, problems);
        return problems.Count == before;
    }

    private static bool CheckType(JsonElement type, JsonElement value, string path, List<(string, string)> problems)
    {
        var expected = type.GetString()!;
        var matches = expected switch
        {
            "object" => value.ValueKind == JsonValueKind.Object,
            "array" => value.ValueKind == JsonValueKind.Array,
            "string" => value.ValueKind == JsonValueKind.String,
            "number" => value.ValueKind == JsonValueKind.Number,
            "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "null" => value.ValueKind == JsonValueKind.Null,
            _ => throw new NotSupportedException($"Schema type '{expected}' is not supported."),
        };
        return Expect(matches, path, $"must be of type {expected}", problems);
    }

    private bool CheckObject(JsonElement rule, string keyword, JsonElement value, string path, List<(string, string)> problems)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return true;
        }
        var declared = rule.TryGetProperty("properties", out var properties) ? properties : default;
        switch (keyword)
        {
            case "required":
                foreach (var name in rule.GetProperty("required").EnumerateArray().Select(n => n.GetString()!))
                {
                    Expect(value.TryGetProperty(name, out _), path, $"is missing the required property '{name}'", problems);
                }
                break;
            case "properties":
                foreach (var property in value.EnumerateObject())
                {
                    if (declared.TryGetProperty(property.Name, out var propertyRule))
                    {
                        Check(propertyRule, property.Value, $"{path}.{property.Name}", problems);
                    }
                }
                break;
            case "additionalProperties":
                var additional = rule.GetProperty("additionalProperties");
                foreach (var property in value.EnumerateObject())
                {
                    if (declared.ValueKind == JsonValueKind.Object && declared.TryGetProperty(property.Name, out _))
                    {
                        continue;
                    }
                    if (additional.ValueKind == JsonValueKind.False)
                    {
                        problems.Add(($"{path}.{property.Name}", "is not a known property"));
                    }
                    else if (additional.ValueKind == JsonValueKind.Object)
                    {
                        Check(additional, property.Value, $"{path}.{property.Name}", problems);
                    }
                }
                break;
        }
        return true;
    }

    private bool CheckItems(JsonElement itemRule, JsonElement value, string path, List<(string, string)> problems)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return true;
        }
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            Check(itemRule, item, $"{path}[{index++}]", problems);
        }
        return true;
    }

    private static bool Expect(bool condition, string path, string message, List<(string, string)> problems)
    {
        if (!condition)
        {
            problems.Add((path, message));
        }
        return condition;
    }

    private static string Show(JsonElement number) => number.GetDecimal().ToString(CultureInfo.InvariantCulture);
}
