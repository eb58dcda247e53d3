namespace Scoring.Rules;

/// <summary>
/// Where a commune's result for a year stands. Only an appraised (or recognised) level is final;
/// a submitted self-assessment is provisional; a draft or nothing has no level in a rollup.
/// </summary>
public enum ResultStatus
{
    None,
    Draft,
    Submitted,
    Appraised,
    Recognised,
    Revoked,
}

public static class ResultStatuses
{
    /// <summary>The status on the wire and in text ids: "none", "draft", "submitted", "appraised", "recognised", "revoked".</summary>
    public static string Name(ResultStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>The status a wire name stands for; <see cref="ResultStatus.None"/> for a name this version does not know.</summary>
    public static ResultStatus Parse(string name) => Enum.TryParse<ResultStatus>(name, ignoreCase: true, out var status) ? status : ResultStatus.None;

    /// <summary>From what is stored: a self-assessment (and whether final), an appraisal, and the decisions on the year.</summary>
    public static ResultStatus Of(bool hasSelfAssessment, bool submitted, bool appraised, bool recognised = false, bool revoked = false) =>
        revoked ? ResultStatus.Revoked
        : recognised ? ResultStatus.Recognised
        : appraised ? ResultStatus.Appraised
        : submitted ? ResultStatus.Submitted
        : hasSelfAssessment ? ResultStatus.Draft
        : ResultStatus.None;

    /// <summary>A level that stands: appraised or recognised (a revoked one stands as "not meeting the standard").</summary>
    public static bool IsFinal(ResultStatus status) => status is ResultStatus.Appraised or ResultStatus.Recognised or ResultStatus.Revoked;

    /// <summary>A recognised year is closed: nothing that changes its result is accepted (a revoked one stays closed).</summary>
    public static bool IsClosed(ResultStatus status) => status is ResultStatus.Recognised or ResultStatus.Revoked;

    /// <summary><see cref="IsClosed(ResultStatus)"/> for a status as the wire names it (a scorecard's <c>status</c>).</summary>
    public static bool IsClosed(string status) => IsClosed(Parse(status));
}
