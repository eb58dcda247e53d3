using Scoring.Scheme;

namespace Scoring.Rules;

/// <summary>The scheme's dates: the citizen survey window and the deadlines, in Vietnam time.</summary>
public sealed class SchemeCalendar(SchemeRules rules)
{
    public TimeSpan Offset { get; } = rules.Offset;

    /// <summary>
    /// The citizen survey window of <paramref name="year"/>: an explicit override if the scheme
    /// file has one, else the last Monday–Friday week lying wholly within November.
    /// </summary>
    public (DateOnly From, DateOnly To) CitizenSurveyWindow(int year)
    {
        if (rules.CitizenSurveyWindow.Overrides.FirstOrDefault(o => o.Year == year) is { } explicitWindow)
        {
            return (explicitWindow.From, explicitWindow.To);
        }
        // The last Friday of November is on the 24th or later, so its Monday is always in November.
        var friday = new DateOnly(year, 11, 30);
        while (friday.DayOfWeek != DayOfWeek.Friday)
        {
            friday = friday.AddDays(-1);
        }
        return (friday.AddDays(-4), friday);
    }

    public bool IsInCitizenSurveyWindow(DateTimeOffset at, int year)
    {
        var (from, to) = CitizenSurveyWindow(year);
        var localDate = LocalDate(at);
        return localDate >= from && localDate <= to;
    }

    /// <summary>
    /// The first instant at which a final self-assessment for <paramref name="year"/> is late:
    /// "trước ngày 15/12" reads as strictly before that day, so the deadline is its first second.
    /// </summary>
    public DateTimeOffset SelfAssessmentDeadline(int year) => StartOf(year, rules.Deadlines.SelfAssessment);

    public DateTimeOffset AppraisalDeadline(int year) => StartOf(year, rules.Deadlines.Appraisal);

    /// <summary>Whole days from <paramref name="now"/>'s date to <paramref name="deadline"/>'s, both in Vietnam time ("còn 7 ngày").</summary>
    public int DaysLeft(DateTimeOffset now, DateTimeOffset deadline) => LocalDate(deadline).DayNumber - LocalDate(now).DayNumber;

    /// <summary>The local day as the scoring core writes a round's days ("2026-11-25"); ISO days compare as text.</summary>
    public string LocalIsoDay(DateTimeOffset at) => LocalDate(at).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The day <paramref name="at"/> falls on in Vietnam.</summary>
    public DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);

    /// <summary>
    /// The year whose result is being decided at <paramref name="now"/>: recognition decisions come
    /// in January for the year before, so until the end of June it is last year's; then this year's.
    /// </summary>
    public int ResultYearAt(DateTimeOffset now)
    {
        var local = now.ToOffset(Offset);
        return local.Month <= 6 ? local.Year - 1 : local.Year;
    }

    private DateTimeOffset StartOf(int year, DayOfYearRule day) => new(year, day.Month, day.Day, 0, 0, 0, Offset);
}
