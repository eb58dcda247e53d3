using Scoring.Text;

namespace Scoring.Scheme;

/// <summary>Everything under dialogs/ that the rules need, loaded and validated once at start.</summary>
public sealed record SchemeDefinition(
    Rubric Rubric,
    SchemeRules Rules,
    IReadOnlyDictionary<string, SurveyForm> Forms,
    IReadOnlyDictionary<string, SurveyDialog> Surveys,
    TextCatalog Texts)
{
    public SurveyForm? FindForm(string id) => Forms.GetValueOrDefault(id);
}
