using Scoring.Rules;

namespace Scoring.Tests;

public sealed class RollupCalculatorTests
{
    /// <summary>Appraised communes: their levels are final, which is what levels and shares count.</summary>
    private static IEnumerable<CommuneOutcome> Communes(params decimal[] totals) =>
        totals.Select((total, i) => new CommuneOutcome($"x{i}", total, Disqualified: false, Submitted: true, Appraised: true));

    [Fact]
    public void Compute_OnlyFinalLevelsCount_SubmittedAreProvisional_DraftsAndNothingHaveNoLevel()
    {
        // The province: one appraised, one submitted and not appraised, one draft, one with nothing; all would be level 4.
        CommuneOutcome[] communes =
        [
            new("appraised", 96m, false, Status: ResultStatus.Appraised),
            new("submitted", 96m, false, Status: ResultStatus.Submitted),
            new("draft", 96m, false, Status: ResultStatus.Draft),
            new("nothing", 0m, false, Status: ResultStatus.None),
        ];

        var summary = TestScheme.Rules.Rollups.Compute("p", 2026, communes);

        Assert.Equal(4, summary.Communes);
        Assert.Equal(new LevelCounts(0, 0, 0, 0, 1), summary.ByLevel);
        Assert.Equal(0.25m, summary.MeetingStandardShare);
        Assert.False(summary.Targets!.MeetingStandardMet);
        Assert.Equal(1, summary.Provisional!.Communes);
        Assert.Equal(new LevelCounts(0, 0, 0, 0, 1), summary.Provisional.ByLevel);
        Assert.Equal(0.5m, summary.Provisional.MeetingStandardShareIfConfirmed);
        Assert.Equal(["draft"], summary.Drafts!);
        Assert.Equal(["draft", "nothing"], summary.Submissions.NotSubmitted);
        Assert.Equal(2, summary.Submissions.Submitted);
        Assert.Equal(1, summary.Submissions.Appraised);
    }

    [Fact]
    public void Compute_RevokedCountsAsNotMeetingTheStandard()
    {
        var summary = TestScheme.Rules.Rollups.Compute("p", 2026, [new CommuneOutcome("x", 99m, false, Status: ResultStatus.Revoked)]);

        Assert.Equal(new LevelCounts(1, 0, 0, 0, 0), summary.ByLevel);
        Assert.Equal(0m, summary.MeetingStandardShare);
    }

    [Fact]
    public void Compute_CountsPerLevelAndShares()
    {
        var summary = TestScheme.Rules.Rollups.Compute("p", 2025, Communes(70m, 80m, 84.99m, 85m, 90m, 95m, 100m, 79.99m));

        Assert.Equal(8, summary.Communes);
        Assert.Equal(new LevelCounts(2, 2, 1, 1, 2), summary.ByLevel);
        Assert.Equal(0.75m, summary.MeetingStandardShare);
        Assert.Equal(0.5m, summary.AboveLevel1Share);
        Assert.NotNull(summary.Targets);
        Assert.True(summary.Targets.Met); // 2025: ≥ 50% meeting, ≥ 20% above level 1
    }

    [Fact]
    public void Compute_2026_NeedsNinetyPercentHalfAboveLevel1AndOneAtLevel4()
    {
        // 10 communes: 9 meet the standard, 5 above level 1, none at level 4.
        var summary = TestScheme.Rules.Rollups.Compute("p", 2026, Communes(70m, 80m, 80m, 80m, 81m, 85m, 86m, 90m, 91m, 94m));

        var targets = summary.Targets!;
        Assert.True(targets.MeetingStandardMet);
        Assert.True(targets.AboveLevel1Met);
        Assert.False(targets.Level4Met);
        Assert.False(targets.Met);
        Assert.Equal(1, targets.Level4Count);
    }

    [Fact]
    public void Compute_JustBelowTheShare_IsNotMet()
    {
        // 899 of 1,000 communes meet the standard: 89.9% < 90%.
        var totals = Enumerable.Repeat(96m, 899).Concat(Enumerable.Repeat(10m, 101)).ToArray();

        var summary = TestScheme.Rules.Rollups.Compute("p", 2027, Communes(totals));

        Assert.Equal(0.899m, summary.MeetingStandardShare);
        Assert.False(summary.Targets!.MeetingStandardMet);
        Assert.True(summary.Targets.AboveLevel1Met);
    }

    [Fact]
    public void Compute_DisqualifiedCommune_CountsAsNone()
    {
        var summary = TestScheme.Rules.Rollups.Compute("p", 2026, [new CommuneOutcome("x", 99m, Disqualified: true, Submitted: true, Appraised: true)]);

        Assert.Equal(new LevelCounts(1, 0, 0, 0, 0), summary.ByLevel);
        Assert.Equal(0m, summary.MeetingStandardShare);
    }

    [Fact]
    public void Compute_DisqualifiedBeforeItSubmitted_IsDecided_NotMeetingTheStandard_AndNotStillToSubmit()
    {
        var summary = TestScheme.Rules.Rollups.Compute("p", 2026,
        [
            new CommuneOutcome("disqualified", 0m, Disqualified: true, Status: ResultStatus.None),
            new CommuneOutcome("drafting", 0m, Disqualified: true, Status: ResultStatus.Draft),
            new CommuneOutcome("submitted", 95m, Disqualified: true, Status: ResultStatus.Submitted),
            new CommuneOutcome("late", 0m, Disqualified: false, Status: ResultStatus.None),
        ]);

        Assert.Equal(new LevelCounts(3, 0, 0, 0, 0), summary.ByLevel);
        Assert.Equal(0, summary.Provisional!.Communes);
        Assert.Equal(["late"], summary.Submissions.NotSubmitted);
        Assert.Empty(summary.Drafts!);
        // Appraisers have nothing left to do: the one submitted is decided.
        Assert.Equal(1, summary.Submissions.Submitted);
        Assert.Equal(1, summary.Submissions.Appraised);
    }

    [Fact]
    public void Compute_NoCommunes_HasZeroSharesAndUnmetTargets()
    {
        var summary = TestScheme.Rules.Rollups.Compute("p", 2024, []);

        Assert.Equal(0, summary.Communes);
        Assert.Equal(0m, summary.MeetingStandardShare);
        Assert.False(summary.Targets!.Met);
    }
}
