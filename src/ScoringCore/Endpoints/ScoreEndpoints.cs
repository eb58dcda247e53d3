using Microsoft.AspNetCore.Http.HttpResults;
using Scoring.Rules;
using ScoringCore.Api;
using ScoringCore.Services;

namespace ScoringCore.Endpoints;

public static class ScoreEndpoints
{
    public static RouteGroupBuilder MapScoreEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/communes/{communeId}/years/{year}/scorecard", GetScorecard);
        api.MapGet("/units/{unitId}/years/{year}/summary", GetSummary);
        return api;
    }

    private static async Task<Results<Ok<Scorecard>, ProblemHttpResult>> GetScorecard(
        string communeId, string year, ScoreQueries queries, ApiProblems problems)
    {
        var (card, error) = await queries.ScorecardAsync(communeId, RouteYear.Parse(year));
        return error is null ? TypedResults.Ok(card!) : problems.ToResult(error);
    }

    private static async Task<Results<Ok<UnitSummary>, ProblemHttpResult>> GetSummary(
        string unitId, string year, ScoreQueries queries, ApiProblems problems)
    {
        var (summary, error) = await queries.SummaryAsync(unitId, RouteYear.Parse(year));
        return error is null ? TypedResults.Ok(summary!) : problems.ToResult(error);
    }
}
