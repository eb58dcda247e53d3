using Scoring.Scheme;

namespace Scoring.Tests;

public sealed class LevelRulesTests
{
    [Theory]
    [InlineData("0", LevelCode.None)]
    [InlineData("79.99", LevelCode.None)]
    [InlineData("80", LevelCode.Level1)]
    [InlineData("84.99", LevelCode.Level1)]
    [InlineData("85", LevelCode.Level2)]
    [InlineData("89.99", LevelCode.Level2)]
    [InlineData("90", LevelCode.Level3)]
    [InlineData("94.99", LevelCode.Level3)]
    [InlineData("95", LevelCode.Level4)]
    [InlineData("99.99", LevelCode.Level4)]
    [InlineData("100", LevelCode.Level4)]
    public void Classify_AtEachBoundary_GivesTheSeedsLevel(string total, LevelCode expected)
    {
        var level = TestScheme.Rules.Levels.Classify(decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture), disqualified: false);

        Assert.Equal(expected, level.Code);
    }

    [Theory]
    [InlineData("100")]
    [InlineData("80")]
    [InlineData("50")]
    public void Classify_Disqualified_IsNoneWhateverTheScore(string total)
    {
        var level = TestScheme.Rules.Levels.Classify(decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture), disqualified: true);

        Assert.Equal(LevelCode.None, level.Code);
        Assert.Equal("Không đạt chuẩn", level.Name);
    }

    [Theory]
    [InlineData("79.99", LevelCode.Level1, "0.01")]
    [InlineData("0", LevelCode.Level1, "80")]
    [InlineData("80", LevelCode.Level2, "5")]
    [InlineData("84.5", LevelCode.Level2, "0.5")]
    [InlineData("85", LevelCode.Level3, "5")]
    [InlineData("90", LevelCode.Level4, "5")]
    [InlineData("94.99", LevelCode.Level4, "0.01")]
    public void Next_BelowTheTop_NamesTheNextLevelAndThePointsNeeded(string total, LevelCode level, string needed)
    {
        var next = TestScheme.Rules.Levels.Next(decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture), disqualified: false);

        Assert.NotNull(next);
        Assert.Equal(level, next.Level);
        Assert.Equal(decimal.Parse(needed, System.Globalization.CultureInfo.InvariantCulture), next.PointsNeeded);
    }

    [Fact]
    public void Next_AtLevel4OrDisqualified_IsNull()
    {
        Assert.Null(TestScheme.Rules.Levels.Next(95m, disqualified: false));
        Assert.Null(TestScheme.Rules.Levels.Next(100m, disqualified: false));
        Assert.Null(TestScheme.Rules.Levels.Next(70m, disqualified: true));
    }
}
