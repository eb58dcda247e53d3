using ScoringCore.Api;
using ScoringCore.Contracts;

namespace ScoringCore.Validation;

/// <summary>An appraiser's decision on a held form: "count" or "exclude", always with a reason and who decided.</summary>
public sealed class HeldFormDecisionValidator(ApiProblems problems, TimeProvider clock)
{
    private const int MaxReason = 500;

    public (HeldFormDecision? Decision, ApiError? Error) Validate(HeldFormDecisionRequest request)
    {
        if (request.Decision is not ("count" or "exclude"))
        {
            return (null, problems.BadRequest("decision", "form.decision"));
        }
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return (null, problems.BadRequest("reason", "form.reasonRequired"));
        }
        if (request.Reason.Length > MaxReason)
        {
            return (null, problems.BadRequest("reason", "field.tooLong", ("max", MaxReason)));
        }
        if (string.IsNullOrWhiteSpace(request.DecidedBy))
        {
            return (null, problems.BadRequest("decidedBy", "field.required"));
        }
        if (request.DecidedBy.Length > 100)
        {
            return (null, problems.BadRequest("decidedBy", "field.tooLong", ("max", 100)));
        }
        var at = clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return (new HeldFormDecision(request.Decision, request.Reason.Trim(), request.DecidedBy.Trim(), at), null);
    }
}
