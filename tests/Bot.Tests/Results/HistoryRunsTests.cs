using Bot.Staff.Results;
using Scoring.Rules;

namespace Bot.Tests.Results;

public sealed class HistoryRunsTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.FromHours(7));

    private static ResultChange Change(int minute, string change, string? by, string? detail = null) =>
        new(Start.AddMinutes(minute), change, by, detail, null);

    [Fact]
    public void DraftsInARowByOnePerson_AreOneRun_AndEveryOtherChangeStandsAlone()
    {
        var runs = HistoryRuns.Of(
        [
            Change(0, ResultChanges.SelfDraft, "A", "B = 1"),
            Change(1, ResultChanges.SelfDraft, "A", "B = 2"),
            Change(2, ResultChanges.SelfDraft, "A", "B = 3"),
            Change(3, ResultChanges.SelfDraft, "B", "B = 4"),
            Change(4, ResultChanges.SelfFinal, "A", "B = 4"),
            Change(5, ResultChanges.Appraisal, "C", "B = 3"),
            Change(6, ResultChanges.Appraisal, "C", "B = 2"),
            Change(7, ResultChanges.SelfDraft, null),
            Change(8, ResultChanges.SelfDraft, null),
        ]);

        Assert.Equal([3, 1, 1, 1, 1, 2], runs.Select(r => r.Count));
        Assert.Equal((Start, Start.AddMinutes(2), "B = 3"), (runs[0].First.At, runs[0].Last.At, runs[0].Last.Detail));
        Assert.Equal("B", runs[1].First.By);
        Assert.Equal(ResultChanges.SelfFinal, runs[2].First.Change);
    }

    [Fact]
    public void TheSameChangeSavedAgainByOnePerson_IsOneRun_AndAnotherDetailReasonOrPersonIsNot()
    {
        var runs = HistoryRuns.Of(
        [
            Change(0, ResultChanges.Appraisal, "C", "B = 72"),
            Change(1, ResultChanges.Appraisal, "C", "B = 72"),
            Change(2, ResultChanges.Appraisal, "C", "B = 72"),
            Change(3, ResultChanges.Appraisal, "C", "B = 71,5"),
            Change(4, ResultChanges.Appraisal, "D", "B = 71,5"),
            Change(5, ResultChanges.FormCounted, "D", "citizen r1"),
            Change(6, ResultChanges.FormCounted, "D", "citizen r2"),
        ]);

        Assert.Equal([3, 1, 1, 1, 1], runs.Select(r => r.Count));
        Assert.Equal((Start, Start.AddMinutes(2)), (runs[0].First.At, runs[0].Last.At));
        Assert.Equal("B = 71,5", runs[1].Last.Detail);
    }

    [Fact]
    public void NoChanges_NoRuns() => Assert.Empty(HistoryRuns.Of([]));
}
