namespace Scoring.Rules;

/// <summary>Puts A1, A2 and B together into a commune's scorecard.</summary>
public sealed class ScorecardCalculator(AssessmentScoring assessment, LevelRules levels, SurveyCounting counting)
{
    private const int LostPointsShown = 5;

    public Scorecard Compute(ScorecardInputs inputs)
    {
        var a1 = SurveyScoring.Mean(inputs.CitizenInWindow);
        var a2 = SurveyScoring.Mean(inputs.Cadre);
        var b = assessment.Compute(inputs.SelfItems, inputs.AppraisedItems);
        var total = Total(a1, a2, b.Final);
        var disqualified = inputs.Disqualification is not null;
        // A revoked recognition leaves the year with no level, like a disqualification.
        var noLevel = disqualified || inputs.Revocation is not null;
        var level = levels.Classify(total, noLevel);
        return new Scorecard(
            inputs.CommuneId,
            inputs.Year,
            Part(a1, inputs.CitizenInWindow.Count, inputs.CitizenOutsideWindow, inputs.CitizenUncounted, counting.SampleMinimum(inputs.Year, citizen: true))
                with { FromDesk = inputs.CitizenFromDesk },
            Part(a2, inputs.Cadre.Count, null, inputs.CadreUncounted, counting.SampleMinimum(inputs.Year, citizen: false)),
            new PartBCard(b.Self, b.Appraised, b.Final, b.Criteria),
            total,
            level.Code,
            level.Name,
            disqualified,
            inputs.Disqualification,
            levels.Next(total, noLevel),
            assessment.LostPoints(b, LostPointsShown),
            inputs.DisqualificationLifted,
            inputs.Submitted,
            ResultStatuses.Name(Status(inputs)),
            // Provisional until the appraising level has appraised B, or classed the commune as not meeting the standard by a disqualification.
            Provisional: b.Appraised is null && !disqualified,
            inputs.Recognition,
            inputs.Revocation);
    }

    private static ResultStatus Status(ScorecardInputs inputs) =>
        inputs.Revocation is not null ? ResultStatus.Revoked
        : inputs.Recognition is not null ? ResultStatus.Recognised
        : inputs.Status;

    private static SurveyPartScore Part(decimal score, long counted, long? outside, UncountedForms? uncounted, int sampleMinimum) =>
        new(score, counted, outside, uncounted?.Held ?? 0, uncounted?.Excluded ?? 0, uncounted?.Feedback ?? 0, counted < sampleMinimum);

    /// <summary>
    /// A1 and A2 are already rounded to two decimals (see <see cref="SurveyScoring.Mean"/>) and B
    /// is a sum of half points, so the total is exact and the level is classified on it as is.
    /// </summary>
    public static decimal Total(decimal a1, decimal a2, decimal bFinal) => a1 + a2 + bFinal;
}

public sealed record ScorecardInputs(
    string CommuneId,
    int Year,
    SurveyAggregate CitizenInWindow,
    long CitizenOutsideWindow,
    SurveyAggregate Cadre,
    IReadOnlyDictionary<string, decimal> SelfItems,
    IReadOnlyDictionary<string, decimal>? AppraisedItems,
    Disqualification? Disqualification,
    string? DisqualificationLifted = null,
    bool Submitted = false,
    UncountedForms? CitizenUncounted = null,
    UncountedForms? CadreUncounted = null,
    ResultStatus Status = ResultStatus.None,
    Recognition? Recognition = null,
    Revocation? Revocation = null,
    long CitizenFromDesk = 0);
