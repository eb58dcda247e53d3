using Scoring.Rules;

namespace Scoring.Tests;

public sealed class AssessmentScoringTests
{
    private readonly AssessmentScoring _assessment = TestScheme.Rules.Assessment;

    private static Dictionary<string, decimal> FullMarks() =>
        TestScheme.Definition.Rubric.Leaves.ToDictionary(leaf => leaf.Id, leaf => leaf.Max);

    [Theory]
    [InlineData("1.1.a", "1")]
    [InlineData("1.1.a", "0.5")]
    [InlineData("1.1.a", "0")]
    [InlineData("4.2.a", "0.5")]
    [InlineData("1.6", "6.5")]
    [InlineData("2.4.e.2", "3")]
    public void Check_AllowedLeafScore_Passes(string id, string value)
    {
        Assert.Null(_assessment.Check(id, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("9.9", "1", ItemDefectKind.Unknown)]
    [InlineData("TC1", "1", ItemDefectKind.NotALeaf)]
    [InlineData("1.1", "1", ItemDefectKind.NotALeaf)]
    [InlineData("1.1.a", "-0.5", ItemDefectKind.Negative)]
    [InlineData("1.1.a", "1.5", ItemDefectKind.AboveMax)]
    [InlineData("4.2.a", "1", ItemDefectKind.AboveMax)]
    [InlineData("4.2.a", "0.25", ItemDefectKind.OffStep)]
    [InlineData("1.6", "6.3", ItemDefectKind.OffStep)]
    public void Check_RefusedScore_SaysWhy(string id, string value, ItemDefectKind expected)
    {
        var defect = _assessment.Check(id, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture));

        Assert.NotNull(defect);
        Assert.Equal(expected, defect.Kind);
    }

    [Fact]
    public void AllowedValues_HalfPointItem_IsZeroAndHalf()
    {
        Assert.Equal([0m, 0.5m], _assessment.AllowedValues(TestScheme.Definition.Rubric.Find("4.2.a")!));
        Assert.Equal([0m, 0.5m, 1m, 1.5m, 2m], _assessment.AllowedValues(TestScheme.Definition.Rubric.Find("3.1")!));
    }

    [Fact]
    public void Compute_FullMarks_Is80WithEveryCriterionAtItsMax()
    {
        var b = _assessment.Compute(FullMarks(), null);

        Assert.Equal(80m, b.Self);
        Assert.Null(b.Appraised);
        Assert.Equal(80m, b.Final);
        Assert.Equal([22m, 23m, 10m, 18m, 7m], b.Criteria.Select(c => c.Final));
        Assert.All(b.Criteria, c => Assert.Equal(c.Max, c.Self));
    }

    [Fact]
    public void Compute_AppraisedValue_WinsItemByItem()
    {
        var self = FullMarks();
        var appraised = new Dictionary<string, decimal>(FullMarks()) { ["1.6"] = 5m, ["4.2.a"] = 0m, ["5.1"] = 7m };

        var b = _assessment.Compute(self, appraised);

        Assert.Equal(80m, b.Self);
        Assert.Equal(77.5m, b.Appraised);
        Assert.Equal(77.5m, b.Final);
        Assert.Equal(20m, b.Criteria.Single(c => c.Id == "TC1").Final);
        Assert.Equal(22m, b.Criteria.Single(c => c.Id == "TC1").Self);
        Assert.Equal(17.5m, b.Criteria.Single(c => c.Id == "TC4").Final);
    }

    [Fact]
    public void Compute_AnAppraisalNotYetGivingEveryItem_IsNotYetAppraised_ThoughItsScoresCountInFinal()
    {
        var appraised = new Dictionary<string, decimal> { ["1.6"] = 5m, ["4.2.a"] = 0m };

        var b = _assessment.Compute(FullMarks(), appraised);

        Assert.False(_assessment.IsAppraised(appraised));
        Assert.Null(b.Appraised);
        Assert.All(b.Criteria, c => Assert.Null(c.Appraised));
        Assert.Equal(77.5m, b.Final);
        Assert.True(_assessment.IsAppraised(FullMarks()));
    }

    [Fact]
    public void Compute_UnscoredItems_CountZero()
    {
        var b = _assessment.Compute(new Dictionary<string, decimal> { ["1.1.a"] = 1m, ["5.1"] = 6m }, null);

        Assert.Equal(7m, b.Final);
        Assert.Equal(0m, b.FinalByLeaf["2.2"]);
    }

    [Fact]
    public void MissingLeaves_ListsUnscoredLeavesInRubricOrder()
    {
        var items = FullMarks();
        items.Remove("2.4.e.1");
        items.Remove("1.1.b");

        Assert.Equal(["1.1.b", "2.4.e.1"], _assessment.MissingLeaves(items).Select(l => l.Id));
    }

    [Fact]
    public void LostPoints_LargestLossFirst_TiesInRubricOrder()
    {
        var items = FullMarks();
        items["1.6"] = 2m;   // lost 5
        items["2.2"] = 2m;   // lost 3
        items["3.4"] = 1m;   // lost 3
        items["4.2.a"] = 0m; // lost 0.5

        var lost = _assessment.LostPoints(_assessment.Compute(items, null), 5);

        Assert.Equal(["1.6", "2.2", "3.4", "4.2.a"], lost.Select(l => l.Id));
        Assert.Equal([5m, 3m, 3m, 0.5m], lost.Select(l => l.Lost));
    }

    [Fact]
    public void Rubric_HasEveryItemOfTheDomainTable()
    {
        var rubric = TestScheme.Definition.Rubric;
        string[] leaves =
        [
            "1.1.a", "1.1.b", "1.2.a", "1.2.b", "1.2.c", "1.2.d", "1.3.a", "1.3.b", "1.3.c", "1.4", "1.5.a", "1.5.b", "1.5.c", "1.6",
            "2.1.a", "2.1.b", "2.1.c", "2.2", "2.3.a", "2.3.b", "2.3.c", "2.3.d", "2.4.a", "2.4.b", "2.4.c", "2.4.d", "2.4.e.1", "2.4.e.2", "2.5",
            "3.1", "3.2", "3.3", "3.4",
            "4.1", "4.2.a", "4.2.b", "4.2.c", "4.2.d", "4.3.a", "4.3.b", "4.3.c", "4.3.d", "4.4.a", "4.4.b", "4.4.c", "4.5", "4.6",
            "5.1",
        ];

        Assert.Equal(leaves, rubric.Leaves.Select(l => l.Id));
        Assert.Equal(80m, rubric.Leaves.Sum(l => l.Max));
        Assert.All(rubric.Leaves, l => Assert.False(string.IsNullOrWhiteSpace(l.Guidance)));
        Assert.Equal("TC2", rubric.CriterionOf(rubric.Find("2.4.e.1")!).Id);
    }
}
