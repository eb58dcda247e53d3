using Scoring.Rules;
using ScoringCore.Api;
using ScoringCore.Storage;

namespace ScoringCore.Validation;

/// <summary>Where a call points: a year of the scheme, and a commune that exists. One place for both refusals.</summary>
public sealed class PlaceChecks(ScoringRules rules, UnitStore units, ApiProblems problems)
{
    public ApiError? CheckYear(int year) =>
        rules.IsSchemeYear(year)
            ? null
            : problems.BadRequest("year", "field.year", ("from", rules.Scheme.Rules.Years.From), ("to", rules.Scheme.Rules.Years.To));

    /// <summary>The route's commune must exist and its year be one of the scheme's.</summary>
    public async Task<ApiError?> CheckCommuneYearAsync(string communeId, int year)
    {
        if (CheckYear(year) is { } yearError)
        {
            return yearError;
        }
        if (!Ids.Unit().IsMatch(communeId) || !await units.IsCommuneAsync(communeId))
        {
            return problems.NotFound("communeId", "commune.notFound", ("communeId", communeId));
        }
        return null;
    }
}
