namespace ScoringCore.Storage;

/// <summary>Field names inside a commune's aggregate hash (see <see cref="RedisKeys.Aggregate"/>).</summary>
internal static class AggregateFields
{
    /// <summary>The group of a form's counted answers; other standings are kept apart (see <see cref="FormStandings.Group"/>).</summary>
    public static string SurveyGroup(string formId, bool counted) => FormStandings.Group(formId, counted ? FormStandings.Counted : FormStandings.Outside);

    public static string Count(string group) => group + ":n";

    public static string Sum(string group) => group + ":sum";

    public static string Question(string group, int number) => $"{group}:q{number}";

    /// <summary>The forms of a kind received from invitations the commune's desk made (<see cref="Scoring.Rules.InvitationIssuers.Desk"/>), whatever their standing: only a count.</summary>
    public static string FromDeskGroup(string formId) => formId + ":desk";

    public const string BSelf = "b:self";
    public const string BAppraised = "b:appraised";
    public const string BFinal = "b:final";
    public const string DisqualificationKind = "dq:kind";
    public const string DisqualificationNote = "dq:note";

    /// <summary>1 once the commune's self-assessment is final (nộp): the rollup lists communes without it.</summary>
    public const string SelfSubmitted = "b:submitted";

    /// <summary>Why the last disqualification was lifted; kept until the commune is disqualified again.</summary>
    public const string DisqualificationLifted = "dq:lifted";

    /// <summary>The recognition decision (JSON) once recorded: the year is closed from then on.</summary>
    public const string Recognition = "result:recognition";

    /// <summary>The revocation decision (JSON) once recorded; the recognition stays beside it, for the record.</summary>
    public const string Revocation = "result:revocation";
}
