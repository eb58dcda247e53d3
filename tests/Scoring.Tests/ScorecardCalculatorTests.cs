using Scoring.Rules;
using Scoring.Scheme;

namespace Scoring.Tests;

public sealed class ScorecardCalculatorTests
{
    private static ScorecardInputs Inputs(decimal a1Sum, long a1Count, decimal a2Sum, long a2Count, Dictionary<string, decimal> self, Disqualification? disqualification = null) =>
        new("xa-a", 2026,
            new SurveyAggregate(a1Count, CentiPoints.From(a1Sum), []),
            CitizenOutsideWindow: 3,
            new SurveyAggregate(a2Count, CentiPoints.From(a2Sum), []),
            self, null, disqualification);

    private static Dictionary<string, decimal> SelfScoring(decimal lessThanFull)
    {
        var items = TestScheme.Definition.Rubric.Leaves.ToDictionary(l => l.Id, l => l.Max);
        items["1.6"] -= lessThanFull;
        return items;
    }

    [Fact]
    public void Compute_AddsRoundedAToBAndClassifies()
    {
        // A1 = 29.5 / 3 = 9.83; A2 = 8; B = 80 − 6 = 74; total 91.83 → level 3, 3.17 short of level 4.
        var card = TestScheme.Rules.Scorecards.Compute(Inputs(29.5m, 3, 16m, 2, SelfScoring(6m)));

        Assert.Equal(9.83m, card.A1.Score);
        Assert.Equal(3, card.A1.Responses);
        Assert.Equal(3, card.A1.OutsideWindow);
        Assert.Equal(8m, card.A2.Score);
        Assert.Equal(74m, card.B.Final);
        Assert.Equal(91.83m, card.Total);
        Assert.Equal(LevelCode.Level3, card.Level);
        Assert.Equal("Chuẩn Mức độ 3", card.LevelName);
        Assert.Equal(new NextLevel(LevelCode.Level4, 3.17m), card.NextLevel);
        Assert.Equal("1.6", card.LostPoints[0].Id);
        Assert.False(card.Disqualified);
    }

    [Fact]
    public void Compute_Disqualified_IsNoneWithNoNextLevel()
    {
        var card = TestScheme.Rules.Scorecards.Compute(Inputs(50m, 5, 50m, 5, SelfScoring(0m), new Disqualification("discipline", "Kỷ luật khiển trách")));

        Assert.Equal(100m, card.Total);
        Assert.Equal(LevelCode.None, card.Level);
        Assert.True(card.Disqualified);
        Assert.Null(card.NextLevel);
        Assert.Empty(card.LostPoints);
        // The appraising level's decision: the class is final before B is appraised.
        Assert.False(card.Provisional);
    }

    [Fact]
    public void Compute_NothingYet_IsZeroAndNeeds80()
    {
        var card = TestScheme.Rules.Scorecards.Compute(Inputs(0m, 0, 0m, 0, []));

        Assert.Equal(0m, card.Total);
        Assert.Equal(LevelCode.None, card.Level);
        Assert.Equal(new NextLevel(LevelCode.Level1, 80m), card.NextLevel);
        Assert.Equal(5, card.LostPoints.Count);
        Assert.Equal("1.6", card.LostPoints[0].Id); // 7 points, first in rubric order among the 7s
    }
}
