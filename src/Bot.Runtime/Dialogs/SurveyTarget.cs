using Bot.State;

namespace Bot.Dialogs;

/// <summary>
/// What a survey is started for: the commune and year, where the form comes from, the answers the
/// invitation already gives (fixed, or known and offered to the person), and whether it goes to the
/// commune as feedback rather than to the score.
/// </summary>
public sealed record SurveyTarget(
    string CommuneId,
    string CommuneName,
    int Year,
    FormOrigin Origin,
    string? CaseCode = null,
    IReadOnlyDictionary<string, string>? FixedAnswers = null,
    bool FeedbackOnly = false,
    IReadOnlyDictionary<string, string>? KnownAnswers = null)
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    /// <summary>Field → answer, for the steps that are not asked (<see cref="SurveyProgress.FixedSteps"/>).</summary>
    public IReadOnlyDictionary<string, string> Fixed => FixedAnswers ?? None;

    /// <summary>Field → answer the invitation knows but the person confirms (<see cref="SurveyProgress.Offered"/>).</summary>
    public IReadOnlyDictionary<string, string> Known => KnownAnswers ?? None;

    /// <summary>"bắt đầu lại": the same survey from the top, with the same origin and fixed and known answers.</summary>
    public static SurveyTarget Again(SurveyProgress progress, Scoring.Scheme.SurveyDialog dialog) => new(
        progress.CommuneId, progress.CommuneName, progress.Year, progress.Origin, progress.CaseCode,
        dialog.Steps.Where(s => s.Field is not null && progress.FixedSteps.Contains(s.Id)).ToDictionary(s => s.Field!, s => progress.Answers[s.Id]),
        progress.FeedbackOnly,
        dialog.Steps.Where(s => s.Field is not null && progress.Offered?.ContainsKey(s.Id) == true).ToDictionary(s => s.Field!, s => progress.Offered![s.Id]));
}
