using Microsoft.AspNetCore.Http.HttpResults;
using Scoring.Rules;
using ScoringCore.Api;
using ScoringCore.Contracts;
using ScoringCore.Services;
using ScoringCore.Storage;
using ScoringCore.Validation;

namespace ScoringCore.Endpoints;

/// <summary>
/// The decisions that make a year's result official: PUT …/recognition records the recognising
/// decision of an appraised level (the year closes), DELETE …/recognition revokes it with a reason;
/// both answer with the scorecard. GET …/history is the audit trail of every change of the result.
/// </summary>
public static class ResultDecisionEndpoints
{
    private const string CommuneYear = "/communes/{communeId}/years/{year}";

    public static RouteGroupBuilder MapResultDecisionEndpoints(this RouteGroupBuilder api)
    {
        api.MapPut(CommuneYear + "/recognition", RecogniseAsync);
        api.MapDelete(CommuneYear + "/recognition", RevokeAsync);
        api.MapGet(CommuneYear + "/history", HistoryAsync);
        return api;
    }

    private static Task<Results<Ok<Scorecard>, ProblemHttpResult>> RecogniseAsync(
        string communeId, string year, HttpRequest request, ResultDecisionService service, ApiProblems problems) =>
        BodyEndpoint.ReadThenAsync(request, ScoringCoreJsonContext.Default.RecognitionRequest, "body.shape.recognition", problems,
            body => service.RecogniseAsync(communeId, RouteYear.Parse(year), body));

    private static Task<Results<Ok<Scorecard>, ProblemHttpResult>> RevokeAsync(
        string communeId, string year, HttpRequest request, ResultDecisionService service, ApiProblems problems) =>
        BodyEndpoint.ReadThenAsync(request, ScoringCoreJsonContext.Default.RevocationRequest, "body.shape.revocation", problems,
            body => service.RevokeAsync(communeId, RouteYear.Parse(year), body));

    private static async Task<Results<Ok<List<ResultChange>>, ProblemHttpResult>> HistoryAsync(
        string communeId, string year, PlaceChecks places, ResultHistoryStore history, ApiProblems problems)
    {
        var parsedYear = RouteYear.Parse(year);
        if (await places.CheckCommuneYearAsync(communeId, parsedYear) is { } error)
        {
            return problems.ToResult(error);
        }
        return TypedResults.Ok(await history.ReadAsync(communeId, parsedYear));
    }
}
