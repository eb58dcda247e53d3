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
        api.MapPut(CommuneYear + "/self-assessment", PutSelfAssessment);
        api.MapPut(CommuneYear + "/appraisal", PutAppraisal);
        api.MapPut(CommuneYear + "/disqualification", PutDisqualification);
        api.MapDelete(CommuneYear + "/disqualification", DeleteDisqualification);
        return api;
    }

    private static async Task<Results<Ok<AssessmentSaved>, ProblemHttpResult>> PutSelfAssessment(
        string communeId, string year, HttpRequest request, AssessmentService service, ApiProblems problems)
    {
        var (body, readError) = await JsonBody.ReadAsync(request, ScoringCoreJsonContext.Default.SelfAssessmentRequest, problems, "một đối tượng bản tự chấm điểm");
        if (readError is not null)
        {
            return problems.ToResult(readError);
        }
        var (saved, error) = await service.SaveSelfAsync(communeId, RouteYear.Parse(year), body!);
        return error is null ? TypedResults.Ok(saved!) : problems.ToResult(error);
    }

    private static async Task<Results<Ok<AssessmentSaved>, ProblemHttpResult>> PutAppraisal(
        string communeId, string year, HttpRequest request, AssessmentService service, ApiProblems problems)
    {
        var (body, readError) = await JsonBody.ReadAsync(request, ScoringCoreJsonContext.Default.AppraisalRequest, problems, "một đối tượng kết quả thẩm định");
        if (readError is not null)
        {
            return problems.ToResult(readError);
        }
        var (saved, error) = await service.SaveAppraisalAsync(communeId, RouteYear.Parse(year), body!);
        return error is null ? TypedResults.Ok(saved!) : problems.ToResult(error);
    }

    private static async Task<Results<Ok<Disqualification>, ProblemHttpResult>> PutDisqualification(
        string communeId, string year, HttpRequest request, AssessmentService service, ApiProblems problems)
    {
        var (body, readError) = await JsonBody.ReadAsync(request, ScoringCoreJsonContext.Default.DisqualificationRequest, problems, "một đối tượng ghi nhận không xét đánh giá");
        if (readError is not null)
        {
            return problems.ToResult(readError);
        }
        var (recorded, error) = await service.DisqualifyAsync(communeId, RouteYear.Parse(year), body!);
        return error is null ? TypedResults.Ok(recorded!) : problems.ToResult(error);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteDisqualification(
        string communeId, string year, AssessmentService service, ApiProblems problems)
    {
        var error = await service.LiftDisqualificationAsync(communeId, RouteYear.Parse(year));
        return error is null ? TypedResults.NoContent() : problems.ToResult(error);
    }
}
