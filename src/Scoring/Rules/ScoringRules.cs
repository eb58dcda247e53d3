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
    }

    public SchemeDefinition Scheme { get; }
    public SurveyScoring Surveys { get; }
    public AssessmentScoring Assessment { get; }
    public LevelRules Levels { get; }
    public SchemeCalendar Calendar { get; }
    public SurveyCounting Counting { get; }
    public ScorecardCalculator Scorecards { get; }
    public RollupCalculator Rollups { get; }

    public bool IsSchemeYear(int year) => Scheme.Rules.Years.Contains(year);
}
