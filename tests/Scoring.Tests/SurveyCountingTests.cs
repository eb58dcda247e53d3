using Scoring.Rules;

namespace Scoring.Tests;

public sealed class SurveyCountingTests
{
    private static readonly ScoringRules Rules = new(TestScheme.Definition);
    private static readonly DateTimeOffset InWindow = DateTimeOffset.Parse("2026-11-25T09:00:00+07:00", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly DateTimeOffset AfterWindow = DateTimeOffset.Parse("2026-12-02T09:00:00+07:00", System.Globalization.CultureInfo.InvariantCulture);

    private static FormStanding Decide(string source, DateTimeOffset submitted, DateTimeOffset? visited = null, string form = "citizen", DateTimeOffset? started = null) =>
        Rules.Counting.Decide(new FormFacts(TestScheme.Definition.Forms[form], source, 2026, submitted, visited, null, started)).Standing;

    [Fact]
    public void Decide_InvitationVisitInWindow_CountsEvenAnsweredAfterIt() =>
        // Counted unless the store finds its device already answered for another case.
        Assert.Equal(FormStanding.CaseCandidate, Decide(FormSources.Invitation, AfterWindow, visited: InWindow));

    [Fact]
    public void Decide_InvitationVisitAfterWindow_IsOutside() =>
        Assert.Equal(FormStanding.OutsideWindow, Decide(FormSources.Invitation, AfterWindow, visited: AfterWindow));

    [Fact]
    public void Decide_OpenLink_IsFeedbackUnlessTheYearCountsThem() =>
        Assert.Equal(FormStanding.Feedback, Decide(FormSources.Open, InWindow));

    [Fact]
    public void Decide_OpenCadreForm_IsFeedback() =>
        Assert.Equal(FormStanding.Feedback, Decide(FormSources.Open, InWindow, form: "cadre"));

    [Theory]
    [InlineData(FormSources.Cadre, "cadre")]
    [InlineData(FormSources.Paper, "citizen")]
    [InlineData(FormSources.Paper, "cadre")]
    public void Decide_RegisteredOrPaper_Counts(string source, string form) =>
        Assert.Equal(FormStanding.Counted, Decide(source, AfterWindow, form: form));

    [Fact]
    public void Decide_OpenWhereCounted_TooFastIsFlagged()
    {
        var scheme = TestScheme.Definition with { Rules = TestScheme.Definition.Rules with { SurveyIntegrity = TestScheme.Definition.Rules.SurveyIntegrity with { OpenFormsCountInA1 = [2026] } } };
        var rules = new ScoringRules(scheme);

        var quick = rules.Counting.Decide(new FormFacts(scheme.Forms["citizen"], FormSources.Open, 2026, InWindow, null, null, InWindow.AddSeconds(-15)));
        var careful = rules.Counting.Decide(new FormFacts(scheme.Forms["citizen"], FormSources.Open, 2026, InWindow, null, null, InWindow.AddMinutes(-3)));

        Assert.Equal(FormStanding.OpenCandidate, quick.Standing);
        Assert.Equal([HoldReasons.TooFast], quick.Reasons);
        Assert.Empty(careful.Reasons);
    }
}
