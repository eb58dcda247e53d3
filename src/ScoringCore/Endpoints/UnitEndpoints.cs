using Microsoft.AspNetCore.Http.HttpResults;
using ScoringCore.Api;
using ScoringCore.Contracts;
using ScoringCore.Storage;
using ScoringCore.Validation;

namespace ScoringCore.Endpoints;

public static class UnitEndpoints
{
    public static RouteGroupBuilder MapUnitEndpoints(this RouteGroupBuilder api)
    {
        api.MapPut("/units", PutUnits);
        api.MapGet("/units", GetUnits);
        return api;
    }

    /// <summary>The whole administrative tree, ordered by id (the bot looks communes up by name in it).</summary>
    private static async Task<Ok<UnitDto[]>> GetUnits(UnitStore store) =>
        TypedResults.Ok((await store.LoadAllAsync()).Values.OrderBy(u => u.Id, StringComparer.Ordinal).ToArray());

    /// <summary>Creates or updates part of the administrative tree.</summary>
    private static async Task<Results<Ok<UnitsSaved>, ProblemHttpResult>> PutUnits(
        HttpRequest request, UnitStore store, UnitsValidator validator, ApiProblems problems)
    {
        var (batch, readError) = await JsonBody.ReadAsync(request, ScoringCoreJsonContext.Default.UnitDtoArray, problems, "body.shape.units");
        if (readError is not null)
        {
            return problems.ToResult(readError);
        }
        if (validator.Validate(batch!, await store.LoadAllAsync()) is { } error)
        {
            return problems.ToResult(error);
        }
        await store.SaveAsync(batch!);
        return TypedResults.Ok(new UnitsSaved(batch!.Length));
    }
}
