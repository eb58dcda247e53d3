using System.Globalization;
using Scoring.Rules;
using Scoring.Scheme;

namespace Scoring.Tests;

public sealed class SchemeCalendarTests
{
    private readonly SchemeCalendar _calendar = TestScheme.Rules.Calendar;

    [Theory]
    [InlineData(2024, "2024-11-25", "2024-11-29")]
    [InlineData(2025, "2025-11-24", "2025-11-28")]
    [InlineData(2026, "2026-11-23", "2026-11-27")]
    [InlineData(2027, "2027-11-22", "2027-11-26")]
    [InlineData(2030, "2030-11-25", "2030-11-29")]
    public void CitizenSurveyWindow_Default_IsTheLastFullWeekOfNovember(int year, string from, string to)
    {
        var window = _calendar.CitizenSurveyWindow(year);

        Assert.Equal(DateOnly.Parse(from, CultureInfo.InvariantCulture), window.From);
        Assert.Equal(DateOnly.Parse(to, CultureInfo.InvariantCulture), window.To);
        Assert.Equal(DayOfWeek.Monday, window.From.DayOfWeek);
        Assert.Equal(DayOfWeek.Friday, window.To.DayOfWeek);
    }

    [Theory]
    [InlineData("2026-11-22T16:59:59Z", false)] // 22/11 23:59:59 in Vietnam: Sunday before
    [InlineData("2026-11-22T17:00:00Z", true)]  // 23/11 00:00 in Vietnam
    [InlineData("2026-11-27T23:59:00+07:00", true)]
    [InlineData("2026-11-27T17:00:00Z", false)] // 28/11 00:00 in Vietnam
    [InlineData("2026-11-25T09:30:00+07:00", true)]
    public void IsInCitizenSurveyWindow_UsesVietnamTime(string at, bool expected)
    {
        Assert.Equal(expected, _calendar.IsInCitizenSurveyWindow(DateTimeOffset.Parse(at, CultureInfo.InvariantCulture), 2026));
    }

    [Fact]
    public void CitizenSurveyWindow_Override_WinsForItsYearOnly()
    {
        var rules = TestScheme.Definition.Rules with
        {
            CitizenSurveyWindow = TestScheme.Definition.Rules.CitizenSurveyWindow with
            {
                Overrides = [new SurveyWindowOverride(2026, new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 20))],
            },
        };
        var calendar = new SchemeCalendar(rules);

        Assert.Equal((new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 20)), calendar.CitizenSurveyWindow(2026));
        Assert.Equal((new DateOnly(2025, 11, 24), new DateOnly(2025, 11, 28)), calendar.CitizenSurveyWindow(2025));
    }

    [Fact]
    public void SelfAssessmentDeadline_IsTheStartOf15DecemberInVietnam()
    {
        var deadline = _calendar.SelfAssessmentDeadline(2026);

        Assert.Equal(DateTimeOffset.Parse("2026-12-14T17:00:00Z", CultureInfo.InvariantCulture), deadline);
        Assert.Equal(DateTimeOffset.Parse("2026-12-30T17:00:00Z", CultureInfo.InvariantCulture), _calendar.AppraisalDeadline(2026));
    }
}
