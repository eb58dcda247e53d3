using Microsoft.AspNetCore.Http.HttpResults;
using ScoringCore.Api;
using ScoringCore.Contracts;
using ScoringCore.Storage;
using ScoringCore.Validation;

namespace ScoringCore.Endpoints;

public static class SurveyResponseEndpoints
{
    public static RouteGroupBuilder MapSurveyResponseEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/survey-responses", PostResponse);
        return api;
    }

    /// <summary>
    /// responseId is the idempotency key: 201 the first time, 200 with the same body when the
    /// same content comes again, 409 when the id comes back with other content.
    /// </summary>
    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> PostResponse(
        HttpRequest request, SurveyResponseValidator validator, SurveyResponseStore store, ApiProblems problems)
    {
        var (body, readError) = await JsonBody.ReadAsync(request, ScoringCoreJsonContext.Default.SurveyResponseRequest, problems, "body.shape.surveyResponse");
        if (readError is not null)
        {
            return problems.ToResult(readError);
        }
        var (response, error) = await validator.ValidateAsync(body!);
        if (error is not null)
        {
            return problems.ToResult(error);
        }
        var outcome = await store.IngestAsync(response!);
        return outcome.Result switch
        {
            IngestResult.Created => TypedResults.Text(outcome.CanonicalJson, "application/json", statusCode: StatusCodes.Status201Created),
            IngestResult.Repeated => TypedResults.Text(outcome.CanonicalJson, "application/json", statusCode: StatusCodes.Status200OK),
            IngestResult.Conflict => problems.ToResult(problems.Conflict("responseId", "response.conflict", ("responseId", response!.Record.ResponseId))),
            IngestResult.YearClosed => problems.ToResult(problems.YearClosed(response!.Record.Year)),
            IngestResult.ReferenceUsed => problems.ToResult(problems.Conflict("reference", "response.referenceUsed", ("reference", response!.Record.Reference))),
            _ => problems.ToResult(problems.NotFound("communeId", "commune.notFound", ("communeId", response!.Record.CommuneId))),
        };
    }
}
