using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Serialization.Metadata;

namespace ScoringCore.Api;

/// <summary>
/// Reads a request body as JSON, turning every way it can be wrong (empty, not JSON, a value of
/// the wrong type) into an <see cref="ApiError"/> that names the field, instead of a bare 400.
/// </summary>
public static partial class JsonBody
{
    /// <param name="shapeText">The text id of what the body must be ("body.shape.…"), named when it is something else.</param>
    public static async Task<(T? Value, ApiError? Error)> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> type, ApiProblems problems, string shapeText)
        where T : class
    {
        // Bodies here are small (a form, a rubric's scores); Kestrel's size limit still applies.
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        if (buffer.Length == 0)
        {
            return (null, problems.BadRequest("", "body.empty"));
        }
        try
        {
            var value = JsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), type);
            return value is null ? (null, problems.BadRequest("", "body.wrongShape", ("shape", problems.Text(shapeText)))) : (value, null);
        }
        catch (JsonException e) when (e.InnerException is JsonException)
        {
            // The reader's own exception inside: the text is not JSON at all.
            return (null, problems.BadRequest("", "body.invalidJson", ("line", (e.LineNumber ?? 0) + 1)));
        }
        catch (JsonException e)
        {
            var field = FieldOf(e.Path);
            return (null, field.Length == 0
                ? problems.BadRequest("", "body.wrongShape", ("shape", problems.Text(shapeText)))
                : problems.BadRequest(field, "body.wrongType"));
        }
    }

    /// <summary>"$.answers[2]" → "answers[2]"; "$[3].kind" → "[3].kind"; "$.items['1.1.a']" → "items.1.1.a".</summary>
    public static string FieldOf(string? path)
    {
        if (path is null or "$")
        {
            return "";
        }
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return QuotedName().Replace(field, ".$1");
    }

    [GeneratedRegex(@"\['([^']*)'\]")]
    private static partial Regex QuotedName();
}
