using Microsoft.AspNetCore.Http.HttpResults;
using Scoring.Rules;
using ScoringCore.Api;
using ScoringCore.Contracts;
using ScoringCore.Services;

namespace ScoringCore.Endpoints;

public static class AssessmentEndpoints
{
    private const string CommuneYear = "/communes/{communeId}/years/{year}";

    public static RouteGroupBuilder MapAssessmentEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet(CommuneYear + "/assessment", GetAssessment);
        api.MapPut(CommuneYear + "/self-assessment", PutSelfAssessment);
        api.MapPut(CommuneYear + "/appraisal", PutAppraisal);
        api.MapPut(CommuneYear + "/disqualification", PutDisqualification);
        api.MapDelete(CommuneYear + "/disqualification", DeleteDisqualification);
        return api;
    }

    private static Task<Results<Ok<AssessmentSaved>, ProblemHttpResult>> PutSelfAssessment(
        string communeId, string year, HttpRequest request, AssessmentService service, ApiProblems problems) =>
        BodyEndpoint.ReadThenAsync(request, ScoringCoreJsonContext.Default.SelfAssessmentRequest, "body.shape.selfAssessment", problems,
            body => service.SaveSelfAsync(communeId, RouteYear.Parse(year), body));

    private static Task<Results<Ok<AssessmentSaved>, ProblemHttpResult>> PutAppraisal(
        string communeId, string year, HttpRequest request, AssessmentService service, ApiProblems problems) =>
        BodyEndpoint.ReadThenAsync(request, ScoringCoreJsonContext.Default.AppraisalRequest, "body.shape.appraisal", problems,
            body => service.SaveAppraisalAsync(communeId, RouteYear.Parse(year), body));

    private static Task<Results<Ok<Disqualification>, ProblemHttpResult>> PutDisqualification(
        string communeId, string year, HttpRequest request, AssessmentService service, ApiProblems problems) =>
        BodyEndpoint.ReadThenAsync(request, ScoringCoreJsonContext.Default.DisqualificationRequest, "body.shape.disqualification", problems,
            body => service.DisqualifyAsync(communeId, RouteYear.Parse(year), body));


    private static async Task<Results<Ok<AssessmentView>, ProblemHttpResult>> GetAssessment(
        string communeId, string year, AssessmentService service, ApiProblems problems)
    {
        var (view, error) = await service.LoadAsync(communeId, RouteYear.Parse(year));
        return error is null ? TypedResults.Ok(view!) : problems.ToResult(error);
    }

    /// <summary>The body is optional ({"note": why}); a DELETE without one lifts as before.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteDisqualification(
        string communeId, string year, HttpRequest request, AssessmentService service, ApiProblems problems)
    {
        DisqualificationLiftRequest? body = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            var (read, readError) = await JsonBody.ReadAsync(request, ScoringCoreJsonContext.Default.DisqualificationLiftRequest, problems, "body.shape.disqualificationLift");
            if (readError is not null)
            {
                return problems.ToResult(readError);
            }
            body = read;
        }
        var error = await service.LiftDisqualificationAsync(communeId, RouteYear.Parse(year), body);
        return error is null ? TypedResults.NoContent() : problems.ToResult(error);
    }
}
