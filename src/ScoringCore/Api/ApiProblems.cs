using Microsoft.AspNetCore.Http.HttpResults;
using Scoring.Text;

namespace ScoringCore.Api;

/// <summary>
/// Builds the service's refusals from dialogs/text/scoring-core.vi.json, so every problem
/// response carries a Vietnamese title and a detail that names the field and what is wrong.
/// </summary>
public sealed class ApiProblems(TextCatalog texts)
{
    /// <summary>Every text id this service uses; checked against the catalog at start.</summary>
    public static readonly string[] RequiredTexts =
    [
        "problem.title.400", "problem.title.401", "problem.title.404", "problem.title.405", "problem.title.409",
        "problem.title.413", "problem.title.500", "problem.title.503", "auth.apiKey", "error.internal", "error.storeUnavailable",
    ];

    public ApiError BadRequest(string field, string key, params (string, object?)[] values) => Error(400, field, key, values);

    /// <summary>400 naming the field: it must be one of <paramref name="allowed"/>, each quoted as JSON writes it.</summary>
    public ApiError OneOf(string field, IEnumerable<string> allowed) =>
        BadRequest(field, "field.oneOf", ("allowed", string.Join(", ", allowed.Select(value => $"\"{value}\""))));

    public ApiError NotFound(string field, string key, params (string, object?)[] values) => Error(404, field, key, values);

    public ApiError Conflict(string field, string key, params (string, object?)[] values) => Error(409, field, key, values);

    /// <summary>A write to a year whose result is decided (recognised, or revoked since): every such write is refused alike.</summary>
    public ApiError YearClosed(int year) => Conflict("year", "year.recognised", ("year", year));

    public ApiError Error(int status, string field, string key, params (string, object?)[] values) =>
        new(status, field, texts.Format(key, [("field", field), .. values]));

    public ProblemHttpResult ToResult(ApiError error) =>
        TypedResults.Problem(
            detail: error.Detail,
            statusCode: error.Status,
            title: texts.Format($"problem.title.{error.Status}"),
            extensions: new Dictionary<string, object?> { ["field"] = error.Field });

    public string Text(string key) => texts.Format(key);
}
