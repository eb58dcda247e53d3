using Scoring.Scheme;

namespace Scoring.Rules;

/// <summary>
/// The scheme's rules in one place, built from the loaded definitions; registered once and used
/// by the scoring core and the bot alike.
/// </summary>
public sealed class ScoringRules
{
    public ScoringRules(SchemeDefinition scheme)
    {
        Scheme = scheme;
        Surveys = new SurveyScoring(scheme);
        Assessment = new AssessmentScoring(scheme);
        Levels = new LevelRules(scheme.Rules);
        Calendar = new SchemeCalendar(scheme.Rules);
        Counting = new SurveyCounting(scheme.Rules, Calendar);
        Scorecards = new ScorecardCalculator(Assessment, Levels, Counting);
        Rollups = new RollupCalculator(scheme.Rules, Levels, Calendar);
        CitizenForm = scheme.Rubric.Surveys.Single(s => s.Id == "A1").Form;
        CadreForm = scheme.Rubric.Surveys.Single(s => s.Id == "A2").Form;
        CadreRoles = scheme.Surveys.Values.FirstOrDefault(d => d.Form == CadreForm)?.Steps.FirstOrDefault(s => s.Field == "role")?.Options ?? [];
    }

    public SchemeDefinition Scheme { get; }
    public SurveyScoring Surveys { get; }
    public AssessmentScoring Assessment { get; }
    public LevelRules Levels { get; }
    public SchemeCalendar Calendar { get; }
    public SurveyCounting Counting { get; }
    public ScorecardCalculator Scorecards { get; }
    public RollupCalculator Rollups { get; }

    /// <summary>The form whose mean is A1 (citizens after a visit).</summary>
    public string CitizenForm { get; }

    /// <summary>The form whose mean is A2 (village cadres).</summary>
    public string CadreForm { get; }

    /// <summary>The village cadres' roles (the seed's four), as the cadre survey lists them.</summary>
    public IReadOnlyList<DialogOption> CadreRoles { get; }

    /// <summary>A cadre role's label ("Bí thư chi bộ") from its code; the code itself if the survey no longer lists it.</summary>
    public string CadreRoleLabel(string code) => CadreRoles.FirstOrDefault(r => r.Code == code)?.Label ?? code;

    /// <summary>Whether one person holds the cadre role in a village (docs/decisions/025): one registration per village for it.</summary>
    public bool IsOnePerVillage(string code) => CadreRoles.FirstOrDefault(r => r.Code == code)?.OnePerVillage == true;

    public bool IsSchemeYear(int year) => Scheme.Rules.Years.Contains(year);

    /// <summary>
    /// The longest a survey's text answer may be (its step's <c>maxLength</c>, the longest across the surveys), so the core
    /// takes every comment, name and address the chat took; null when no survey asks for it or sets no limit.
    /// </summary>
    public int? FieldMaxLength(string field) =>
        Scheme.Surveys.Values.SelectMany(d => d.Steps).Where(s => s.Field == field && s.MaxLength is not null).Select(s => s.MaxLength).Max();
}
