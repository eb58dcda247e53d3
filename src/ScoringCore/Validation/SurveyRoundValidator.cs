using System.Globalization;
using Scoring.Rules;
using ScoringCore.Api;
using ScoringCore.Contracts;

namespace ScoringCore.Validation;

/// <summary>A round set by an appraiser: days of its year, the first not after the last, a target, and who set it.</summary>
public sealed class SurveyRoundValidator(ApiProblems problems, TimeProvider clock)
{
    public (SurveyRound? Round, ApiError? Error) Validate(SurveyRoundRequest request, int year, SurveyRound current)
    {
        var opensOn = current.OpensOn;
        var closesOn = current.ClosesOn;
        foreach (var (field, text, set) in new (string, string?, Action<DateOnly>)[] { ("opensOn", request.OpensOn, d => opensOn = d), ("closesOn", request.ClosesOn, d => closesOn = d) })
        {
            if (text is null)
            {
                continue;
            }
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || day.Year != year)
            {
                return (null, problems.BadRequest(field, "round.day", ("year", year)));
            }
            set(day);
        }
        if (opensOn > closesOn)
        {
            return (null, problems.BadRequest("closesOn", "round.order"));
        }
        if (request.CitizenTarget is { } target && target is < 1 or > SurveyRoundRequest.MaxCitizenTarget)
        {
            return (null, problems.BadRequest("citizenTarget", "round.target", ("max", SurveyRoundRequest.MaxCitizenTarget)));
        }
        if (problems.CheckText("changedBy", request.ChangedBy, 100) is { } changedByError)
        {
            return (null, changedByError);
        }
        return (new SurveyRound(opensOn, closesOn, request.CitizenTarget ?? current.CitizenTarget, true, request.ChangedBy!.Trim(), clock.GetUtcNow()), null);
    }
}
