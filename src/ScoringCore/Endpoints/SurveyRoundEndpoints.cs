using Microsoft.AspNetCore.Http.HttpResults;
using ScoringCore.Api;
using ScoringCore.Contracts;
using ScoringCore.Services;
using ScoringCore.Storage;
using ScoringCore.Validation;

namespace ScoringCore.Endpoints;

/// <summary>The appraising level runs the surveys: each commune's round (open, close, target) and the progress under a unit.</summary>
public static class SurveyRoundEndpoints
{
    private const string Round = "/communes/{communeId}/years/{year}/survey-round";

    public static RouteGroupBuilder MapSurveyRoundEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet(Round, GetRoundAsync);
        api.MapPut(Round, PutRoundAsync);
        api.MapGet("/units/{unitId}/years/{year}/survey-progress", GetProgressAsync);
        return api;
    }

    private static async Task<Results<Ok<SurveyRoundView>, ProblemHttpResult>> GetRoundAsync(
        string communeId, string year, PlaceChecks places, SurveyRoundStore rounds, ApiProblems problems)
    {
        var parsed = RouteYear.Parse(year);
        if (await places.CheckCommuneYearAsync(communeId, parsed) is { } error)
        {
            return problems.ToResult(error);
        }
        return TypedResults.Ok(SurveyRoundStore.View(communeId, parsed, await rounds.GetAsync(communeId, parsed)));
    }

    private static async Task<Results<Ok<SurveyRoundView>, ProblemHttpResult>> PutRoundAsync(
        string communeId, string year, HttpRequest request, PlaceChecks places, SurveyRoundValidator validator, SurveyRoundStore rounds, AssessmentStore assessments,
        ApiProblems problems)
    {
        var parsed = RouteYear.Parse(year);
        if (await places.CheckCommuneYearAsync(communeId, parsed) is { } placeError)
        {
            return problems.ToResult(placeError);
        }
        // A decided year takes no new forms, so a round set for it would be a promise the core does not keep.
        if (await assessments.IsClosedAsync(communeId, parsed))
        {
            return problems.ToResult(problems.YearClosed(parsed));
        }
        var (body, readError) = await JsonBody.ReadAsync(request, ScoringCoreJsonContext.Default.SurveyRoundRequest, problems, "body.shape.surveyRound");
        if (readError is not null)
        {
            return problems.ToResult(readError);
        }
        var (round, error) = validator.Validate(body!, parsed, await rounds.GetAsync(communeId, parsed));
        if (error is not null)
        {
            return problems.ToResult(error);
        }
        await rounds.SaveAsync(communeId, parsed, round!);
        return TypedResults.Ok(SurveyRoundStore.View(communeId, parsed, round!));
    }

    private static async Task<Results<Ok<List<CommuneSurveyProgress>>, ProblemHttpResult>> GetProgressAsync(
        string unitId, string year, SurveyProgressQuery query, ApiProblems problems)
    {
        var (progress, error) = await query.ForUnitAsync(unitId, RouteYear.Parse(year));
        return error is null ? TypedResults.Ok(progress!) : problems.ToResult(error);
    }
}
