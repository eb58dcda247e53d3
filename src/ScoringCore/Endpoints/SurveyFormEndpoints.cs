using Microsoft.AspNetCore.Http.HttpResults;
using ScoringCore.Api;
using ScoringCore.Contracts;
using ScoringCore.Storage;
using ScoringCore.Validation;

namespace ScoringCore.Endpoints;

/// <summary>
/// The appraiser's view of a commune's forms (source, reference, standing and why), and the
/// decision that moves a held form into the count or out of it.
/// </summary>
public static class SurveyFormEndpoints
{
    private const string Forms = "/communes/{communeId}/years/{year}/survey-forms";
    private static readonly string[] Standings = [FormStandings.Counted, FormStandings.Outside, FormStandings.Feedback, FormStandings.Held, FormStandings.Excluded];

    public static RouteGroupBuilder MapSurveyFormEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet(Forms, ListForms);
        api.MapGet(Forms + "/{responseId}", GetForm);
        api.MapPost(Forms + "/{responseId}/decision", DecideAsync);
        return api;
    }

    private static async Task<Results<Ok<List<SurveyFormView>>, ProblemHttpResult>> ListForms(
        string communeId, string year, string? standing, PlaceChecks places, SurveyFormStore store, ApiProblems problems)
    {
        var parsedYear = RouteYear.Parse(year);
        if (await places.CheckCommuneYearAsync(communeId, parsedYear) is { } error)
        {
            return problems.ToResult(error);
        }
        if (standing is not null && !Standings.Contains(standing))
        {
            return problems.ToResult(problems.BadRequest("standing", "field.oneOf", ("allowed", string.Join(", ", Standings))));
        }
        return TypedResults.Ok(await store.ListAsync(communeId, parsedYear, standing));
    }

    /// <summary>One form: how it stands and why. The bot asks before a paper sheet's answers are typed in, to say at once that it was entered.</summary>
    private static async Task<Results<Ok<SurveyFormView>, ProblemHttpResult>> GetForm(
        string communeId, string year, string responseId, PlaceChecks places, SurveyFormStore store, ApiProblems problems)
    {
        var parsedYear = RouteYear.Parse(year);
        if (await places.CheckCommuneYearAsync(communeId, parsedYear) is { } error)
        {
            return problems.ToResult(error);
        }
        return await FindAsync(store, communeId, parsedYear, responseId) is { } form ? TypedResults.Ok(form) : NotFound(problems, responseId);
    }

    private static async Task<Results<Ok<SurveyFormView>, ProblemHttpResult>> DecideAsync(
        string communeId, string year, string responseId, HttpRequest request, PlaceChecks places,
        HeldFormDecisionValidator validator, SurveyFormStore store, ApiProblems problems, TimeProvider clock)
    {
        var parsedYear = RouteYear.Parse(year);
        if (await places.CheckCommuneYearAsync(communeId, parsedYear) is { } placeError)
        {
            return problems.ToResult(placeError);
        }
        var (body, readError) = await JsonBody.ReadAsync(request, ScoringCoreJsonContext.Default.HeldFormDecisionRequest, problems, "body.shape.heldFormDecision");
        if (readError is not null)
        {
            return problems.ToResult(readError);
        }
        var (decision, error) = validator.Validate(body!);
        if (error is not null)
        {
            return problems.ToResult(error);
        }
        if (await FindAsync(store, communeId, parsedYear, responseId) is not { } form)
        {
            return NotFound(problems, responseId);
        }
        var outcome = form.Standing == FormStandings.Held
            ? await store.DecideAsync(communeId, parsedYear, form, decision!.Decision == "count", decision, clock.GetUtcNow())
            : HeldFormOutcome.NotHeld;
        if (outcome == HeldFormOutcome.YearClosed)
        {
            return problems.ToResult(problems.YearClosed(parsedYear));
        }
        if (outcome == HeldFormOutcome.NotHeld)
        {
            var now = await store.FindAsync(communeId, parsedYear, responseId);
            return problems.ToResult(problems.Conflict("responseId", "form.notHeld", ("responseId", responseId), ("standing", now?.Standing ?? form.Standing)));
        }
        return TypedResults.Ok((await store.FindAsync(communeId, parsedYear, responseId))!);
    }

    /// <summary>The form under an id, or null; an id that cannot be one is not looked up.</summary>
    private static async Task<SurveyFormView?> FindAsync(SurveyFormStore store, string communeId, int year, string responseId) =>
        Ids.Response().IsMatch(responseId) ? await store.FindAsync(communeId, year, responseId) : null;

    private static ProblemHttpResult NotFound(ApiProblems problems, string responseId) =>
        problems.ToResult(problems.NotFound("responseId", "form.notFound", ("responseId", responseId)));
}
