using ScoringCore.Api;
using ScoringCore.Contracts;

namespace ScoringCore.Validation;

/// <summary>An appraiser's decision on a held form: "count" or "exclude", always with a reason and who decided.</summary>
public sealed class HeldFormDecisionValidator(ApiProblems problems, TimeProvider clock)
{
    private const int MaxReason = 500;
    private const int MaxPerson = 100;

    public (HeldFormDecision? Decision, ApiError? Error) Validate(HeldFormDecisionRequest request)
    {
        if (request.Decision is not ("count" or "exclude"))
        {
            return (null, problems.BadRequest("decision", "form.decision"));
        }
        if ((problems.CheckText("reason", request.Reason, MaxReason, lines: true, requiredKey: "form.reasonRequired")
            ?? problems.CheckText("decidedBy", request.DecidedBy, MaxPerson)) is { } error)
        {
            return (null, error);
        }
        var at = clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return (new HeldFormDecision(request.Decision, request.Reason!.Trim(), request.DecidedBy!.Trim(), at), null);
    }
}
