namespace Scoring.Scheme;

/// <summary>The shape of dialogs/scheme/scheme.json: levels, disqualification, dates and targets.</summary>
public sealed record SchemeRules
{
    public required string Name { get; init; }
    public required string Province { get; init; }
    public required YearRange Years { get; init; }
    public required string TimeZone { get; init; }

    /// <summary>Vietnam keeps one offset all year (no daylight saving), so a fixed offset is exact.</summary>
    public required string UtcOffset { get; init; }

    public required IReadOnlyList<LevelDefinition> Levels { get; init; }
    public required IReadOnlyList<DisqualificationReason> Disqualifications { get; init; }
    public required string DisqualificationEffect { get; init; }
    public required SurveyWindowRule CitizenSurveyWindow { get; init; }
    public required SurveyIntegrityRules SurveyIntegrity { get; init; }
    public required SchemeDeadlines Deadlines { get; init; }
    public required string AppraisingLevel { get; init; }
    public required IReadOnlyList<ProvinceTarget> Targets { get; init; }

    public TimeSpan Offset => TimeSpan.Parse(UtcOffset.TrimStart('+'), System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record YearRange(int From, int To)
{
    public bool Contains(int year) => year >= From && year <= To;
}

public sealed record LevelDefinition(LevelCode Code, string Name, decimal MinTotal);

public sealed record DisqualificationReason(string Kind, string Text);

public sealed record SurveyWindowRule(string Rule, string Description, IReadOnlyList<SurveyWindowOverride> Overrides);

public sealed record SurveyWindowOverride(int Year, DateOnly From, DateOnly To);

/// <summary>
/// What makes a survey form count (see docs/decisions/011): open desk forms are feedback unless
/// the year is listed, and then held when they come too fast or in bursts.
/// </summary>
public sealed record SurveyIntegrityRules(
    string Description,
    IReadOnlyList<int> OpenFormsCountInA1,
    int MinimumSecondsPerForm,
    BurstRule Burst,
    int CitizenTarget,
    int InvitationDaysAfterVisit,
    IReadOnlyList<SampleMinimum> SampleMinimums);

/// <summary>From <see cref="From"/> on, A1 and A2 with fewer counted forms than these carry a sample warning.</summary>
public sealed record SampleMinimum(int From, int Citizen, int Cadre);

/// <summary>This many forms from one address within this many minutes is a burst.</summary>
public sealed record BurstRule(int Forms, int Minutes);

public sealed record SchemeDeadlines(DayOfYearRule SelfAssessment, DayOfYearRule Appraisal, MonthRule Recognition);

public sealed record DayOfYearRule(int Day, int Month, string Text);

public sealed record MonthRule(int Month, string Text);

/// <summary>A year's province targets; absent parts have no target that year.</summary>
public sealed record ProvinceTarget(int Year, decimal MeetingStandardShare, decimal? AboveLevel1Share, int? Level4Count);
