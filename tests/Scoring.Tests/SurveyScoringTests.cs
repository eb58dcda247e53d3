using Scoring.Rules;

namespace Scoring.Tests;

public sealed class SurveyScoringTests
{
    private readonly SurveyScoring _surveys = TestScheme.Rules.Surveys;

    [Theory]
    [InlineData("citizen", new[] { "tot", "tot", "tot", "tot", "tot" }, "10")]
    [InlineData("citizen", new[] { "yeu", "yeu", "yeu", "yeu", "yeu" }, "0")]
    [InlineData("citizen", new[] { "tot", "kha", "trung-binh", "yeu", "tot" }, "5.5")]
    [InlineData("cadre", new[] { "trung-binh", "trung-binh", "trung-binh", "trung-binh", "trung-binh" }, "2.5")]
    [InlineData("cadre", new[] { "kha", "kha", "kha", "kha", "kha" }, "5")]
    public void Score_FiveKnownAnswers_AddsTheSeedsPoints(string form, string[] answers, string expected)
    {
        var scored = _surveys.Score(form, answers, out var defect);

        Assert.Null(defect);
        Assert.NotNull(scored);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), scored.Score);
        Assert.Equal(5, scored.QuestionPoints.Count);
    }

    [Fact]
    public void Score_FourAnswers_IsRefusedWithTheExpectedCount()
    {
        var scored = _surveys.Score("citizen", ["tot", "tot", "tot", "tot"], out var defect);

        Assert.Null(scored);
        Assert.Equal(new FormDefect(FormDefectKind.WrongAnswerCount, 5), defect);
    }

    [Fact]
    public void Score_UnknownCode_NamesTheAnswer()
    {
        var scored = _surveys.Score("citizen", ["tot", "tot", "rat-tot", "tot", "tot"], out var defect);

        Assert.Null(scored);
        Assert.Equal(new FormDefect(FormDefectKind.UnknownAnswer, 2), defect);
    }

    [Fact]
    public void Score_UnknownForm_IsRefused()
    {
        Assert.Null(_surveys.Score("visitor", ["tot", "tot", "tot", "tot", "tot"], out var defect));
        Assert.Equal(FormDefectKind.UnknownForm, defect!.Kind);
    }

    [Fact]
    public void Mean_NoForms_IsZero()
    {
        Assert.Equal(0m, SurveyScoring.Mean(SurveyAggregate.Empty(5)));
    }

    [Theory]
    // 25.5 / 3 = 8.5
    [InlineData(3, 2550, "8.5")]
    // 29.5 / 3 = 9.8333… → 9.83
    [InlineData(3, 2950, "9.83")]
    // 0.5 / 4 = 0.125 → 0.13 half away from zero (banker's rounding would give 0.12)
    [InlineData(4, 50, "0.13")]
    // 39.5 / 4 = 9.875 → 9.88
    [InlineData(4, 3950, "9.88")]
    // 2 / 3 = 0.666… → 0.67
    [InlineData(3, 200, "0.67")]
    public void Mean_RoundsHalfAwayFromZeroToTwoDecimals(long count, long sumCentiPoints, string expected)
    {
        var mean = SurveyScoring.Mean(new SurveyAggregate(count, sumCentiPoints, []));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), mean);
    }

    [Theory]
    [InlineData("comment", 1000)]
    [InlineData("name", 100)]
    [InlineData("address", 200)]
    [InlineData("village", 100)]
    [InlineData("nothing", null)]
    public void ATextAnswersLongestLength_IsTheSurveysOwn(string field, int? longest) =>
        Assert.Equal(longest, TestScheme.Rules.FieldMaxLength(field));
}
