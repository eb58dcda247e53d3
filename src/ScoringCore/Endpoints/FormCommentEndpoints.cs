using Microsoft.AspNetCore.Http.HttpResults;
using ScoringCore.Api;
using ScoringCore.Contracts;
using ScoringCore.Storage;
using ScoringCore.Validation;

namespace ScoringCore.Endpoints;

/// <summary>The comments people sent to a commune with their forms, for the commune and its appraisers (docs/decisions/024).</summary>
public static class FormCommentEndpoints
{
    public static RouteGroupBuilder MapFormCommentEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/communes/{communeId}/years/{year}/comments", ListAsync);
        return api;
    }

    private static async Task<Results<Ok<List<FormComment>>, ProblemHttpResult>> ListAsync(
        string communeId, string year, PlaceChecks places, FormCommentStore store, ApiProblems problems)
    {
        var parsedYear = RouteYear.Parse(year);
        if (await places.CheckCommuneYearAsync(communeId, parsedYear) is { } error)
        {
            return problems.ToResult(error);
        }
        return TypedResults.Ok(await store.ListAsync(communeId, parsedYear));
    }
}
