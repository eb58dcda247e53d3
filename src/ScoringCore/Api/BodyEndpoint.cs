using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ScoringCore.Api;

/// <summary>The shape of the core's write endpoints: read the JSON body, hand it on, answer 200 with the result or the refusal.</summary>
public static class BodyEndpoint
{
    public static async Task<Results<Ok<TResult>, ProblemHttpResult>> ReadThenAsync<TBody, TResult>(
        HttpRequest request, JsonTypeInfo<TBody> type, string shapeText, ApiProblems problems, Func<TBody, Task<(TResult?, ApiError?)>> handle)
        where TBody : class
    {
        var (body, readError) = await JsonBody.ReadAsync(request, type, problems, shapeText);
        if (readError is not null)
        {
            return problems.ToResult(readError);
        }
        var (result, error) = await handle(body!);
        return error is null ? TypedResults.Ok(result!) : problems.ToResult(error);
    }
}
