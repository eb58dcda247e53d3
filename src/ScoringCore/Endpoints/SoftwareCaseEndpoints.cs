using Microsoft.AspNetCore.Http.HttpResults;
using ScoringCore.Api;
using ScoringCore.Storage;
using ScoringCore.Validation;

namespace ScoringCore.Endpoints;

/// <summary>
/// The bot says that the one-stop software asked for a case whose invitation the commune's desk had made: the
/// case is in the software's records, so its form, come or to come, is not among the desk's (docs/decisions/011).
/// </summary>
public static class SoftwareCaseEndpoints
{
    public static RouteGroupBuilder MapSoftwareCaseEndpoints(this RouteGroupBuilder api)
    {
        api.MapPut("/communes/{communeId}/years/{year}/software-cases/{reference}", ConfirmAsync);
        return api;
    }

    /// <summary>204; the same case again changes nothing. A recognised year takes it too: it moves no point.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> ConfirmAsync(
        string communeId, string year, string reference, PlaceChecks places, SoftwareCaseStore store, ApiProblems problems)
    {
        var parsedYear = RouteYear.Parse(year);
        if (await places.CheckCommuneYearAsync(communeId, parsedYear) is { } error)
        {
            return problems.ToResult(error);
        }
        if (!Ids.Reference().IsMatch(reference))
        {
            return problems.ToResult(problems.BadRequest("reference", "response.reference"));
        }
        await store.ConfirmAsync(communeId, parsedYear, reference);
        return TypedResults.NoContent();
    }
}
