using System.Globalization;
using Scoring.Rules;
using ScoringCore.Api;
using ScoringCore.Contracts;

namespace ScoringCore.Validation;

/// <summary>
/// The fields of a recognition or a revocation: a decision number, a date that is a real day and
/// not in the future, who decided, and for a revocation why. Pure: nothing is read here.
/// </summary>
public sealed class ResultDecisionValidator(ScoringRules rules, ApiProblems problems, TimeProvider clock)
{
    public const int MaxDecision = 50;
    public const int MaxPerson = 200;

    public (RecognitionRequest? Clean, ApiError? Error) Check(RecognitionRequest request)
    {
        var error = CheckDecision(request.Decision)
            ?? CheckDay(request.DecidedOn, required: true)
            ?? problems.CheckText("decidedBy", request.DecidedBy, MaxPerson);
        return error is null ? (new RecognitionRequest(request.Decision!.Trim(), request.DecidedOn, request.DecidedBy!.Trim()), null) : (null, error);
    }

    public (RevocationRequest? Clean, ApiError? Error) Check(RevocationRequest request)
    {
        var error = CheckDecision(request.Decision)
            ?? problems.CheckText("reason", request.Reason, AssessmentScoring.MaxNoteLength, lines: true)
            ?? CheckDay(request.DecidedOn, required: false)
            ?? problems.CheckText("decidedBy", request.DecidedBy, MaxPerson, required: false);
        return error is null
            ? (new RevocationRequest(request.Decision!.Trim(), request.Reason!.Trim(), request.DecidedOn ?? Today(), NullIfBlank(request.DecidedBy)), null)
            : (null, error);
    }

    private ApiError? CheckDecision(string? decision) => problems.CheckText("decision", decision, MaxDecision);

    private ApiError? CheckDay(string? value, bool required)
    {
        if (value is null)
        {
            return required ? problems.BadRequest("decidedOn", "field.required") : null;
        }
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return problems.BadRequest("decidedOn", "decision.day");
        }
        return day > DateOnly.Parse(Today(), CultureInfo.InvariantCulture) ? problems.BadRequest("decidedOn", "decision.future") : null;
    }

    /// <summary>Today in Vietnam, where the decisions are signed.</summary>
    private string Today() => clock.GetUtcNow().ToOffset(rules.Calendar.Offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
