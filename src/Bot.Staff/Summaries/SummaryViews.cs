using System.Globalization;
using Bot.Units;
using Scoring.Rules;
using Scoring.Text;

namespace Bot.Staff.Summaries;

/// <summary>Scorecards and rollups put into words (dialogs/text/staff.vi.json), for a card or a plain message.</summary>
public sealed class SummaryViews(ScoringRules rules, StaffTexts texts)
{
    private const int NamesListed = 20;

    public SummaryView Scorecard(Scorecard card, string communeName)
    {
        var facts = new List<(string, string)>
        {
            (texts.Format("card.a1", ("n", card.A1.Responses)), Points(card.A1.Score, 10)),
            (texts.Format("card.a2", ("n", card.A2.Responses)), Points(card.A2.Score, 10)),
            (texts.Text("card.bSelf"), Points(card.B.Self, 80)),
            (texts.Text("card.bAppraised"), card.B.Appraised is { } appraised ? Points(appraised, 80) : texts.Text("card.bNotAppraised")),
            (texts.Text("card.total"), VietnameseFormat.Points(card.Total)),
            (texts.Text("card.level"), card.LevelName),
            (texts.Text("card.status"), texts.Text("status." + card.Status)),
            (texts.Text("card.submitted"), texts.Text(card.Submitted ? "card.submittedYes" : "card.submittedNo")),
        };
        var notes = new List<string>();
        foreach (var (part, name) in new[] { (card.A1, "A1"), (card.A2, "A2") }.Where(p => p.Item1.SampleWarning))
        {
            notes.Add(texts.Format(part.Responses == 0 ? "card.sampleNone" : "card.sampleWarning", ("part", name), ("n", part.Responses)));
        }
        if (card.A1.Held + card.A1.Excluded + card.A1.Feedback + card.A2.Held + card.A2.Excluded + card.A2.Feedback > 0)
        {
            // What the two means leave out, so nobody reads A1 or A2 without knowing.
            notes.Add(texts.Format("card.uncounted",
                ("held", card.A1.Held + card.A2.Held), ("excluded", card.A1.Excluded + card.A2.Excluded), ("feedback", card.A1.Feedback + card.A2.Feedback)));
        }
        if (card.A1.FromDesk is > 0 and var fromDesk)
        {
            notes.Add(texts.Format("card.fromDesk", ("n", fromDesk)));
        }
        if (card.Disqualification is { } disqualification)
        {
            notes.Add(texts.Format("card.disqualified", ("note", disqualification.Note)));
        }
        if (card.DisqualificationLifted is { } lifted)
        {
            notes.Add(texts.Format("card.lifted", ("note", lifted)));
        }
        if (card.Recognition is { } recognition)
        {
            notes.Add(texts.Format("card.recognised", ("decision", recognition.Decision), ("decidedOn", Day(recognition.DecidedOn)), ("levelName", recognition.LevelName)));
        }
        if (card.Revocation is { } revocation)
        {
            notes.Add(texts.Format("card.revoked", ("decision", revocation.Decision), ("decidedOn", Day(revocation.DecidedOn)), ("reason", revocation.Reason)));
        }
        if (card.NextLevel is { } next)
        {
            notes.Add(texts.Format("card.next", ("points", VietnameseFormat.Points(next.PointsNeeded)), ("level", rules.Levels.Name(next.Level))));
        }
        if (card.LostPoints.Count > 0)
        {
            notes.Add(texts.Format("card.weakest", ("items", texts.LostItems(card.LostPoints))));
        }
        return new SummaryView(texts.Format("card.title", ("commune", communeName), ("year", card.Year)), facts, notes);
    }

    /// <summary>What a question is about, in the few words of its form file, so an official need not know the form by heart.</summary>
    private string Topic(QuestionScore question) =>
        rules.Scheme.Forms.TryGetValue(question.Form, out var form) && form.Questions.FirstOrDefault(q => q.Number == question.Number) is { } found ? found.Topic : "";

    public SummaryView Rollup(UnitSummary summary, UnitTree tree, DateTimeOffset now)
    {
        var levels = rules.Scheme.Rules.Levels;
        var counts = new[] { summary.ByLevel.None, summary.ByLevel.Level1, summary.ByLevel.Level2, summary.ByLevel.Level3, summary.ByLevel.Level4 };
        var facts = new List<(string, string)> { (texts.Text("rollup.communes"), summary.Communes.ToString(CultureInfo.InvariantCulture)) };
        // Final levels only; beside each, the submitted but unappraised ones at their self-scored level.
        var provisional = summary.Provisional;
        var pending = provisional is null ? null : new[] { provisional.ByLevel.None, provisional.ByLevel.Level1, provisional.ByLevel.Level2, provisional.ByLevel.Level3, provisional.ByLevel.Level4 };
        facts.AddRange(levels.Select(level => (level.Name, pending is { } p && p[(int)level.Code] > 0
            ? texts.Format("rollup.levelWithProvisional", ("count", counts[(int)level.Code]), ("provisional", p[(int)level.Code]))
            : counts[(int)level.Code].ToString(CultureInfo.InvariantCulture))));
        var targets = summary.Targets;
        facts.Add((texts.Text("rollup.meeting"), Share(summary.MeetingStandardShare, targets?.MeetingStandardShare, targets?.MeetingStandardMet)));
        facts.Add((texts.Text("rollup.above"), Share(summary.AboveLevel1Share, targets?.AboveLevel1Share, targets?.AboveLevel1Met)));
        if (targets?.Level4Count is { } level4Target)
        {
            facts.Add((texts.Text("rollup.level4"), texts.Format("rollup.count", ("count", summary.ByLevel.Level4), ("target", level4Target), ("mark", Mark(targets.Level4Met)))));
        }
        var notes = new List<string>();
        if (provisional is { Communes: > 0 })
        {
            notes.Add(texts.Format("rollup.provisional", ("count", provisional.Communes), ("share", VietnameseFormat.Percent(provisional.MeetingStandardShareIfConfirmed))));
        }
        var submissions = summary.Submissions;
        var deadline = submissions.SelfAssessmentDeadline.ToOffset(rules.Calendar.Offset);
        if (submissions.NotSubmitted.Count > 0)
        {
            var names = submissions.NotSubmitted.Take(NamesListed).Select(tree.NameOf).ToList();
            if (submissions.NotSubmitted.Count > NamesListed)
            {
                names.Add(texts.Format("rollup.more", ("count", submissions.NotSubmitted.Count - NamesListed)));
            }
            var daysLeft = rules.Calendar.DaysLeft(now, deadline);
            notes.Add(daysLeft > 0
                ? texts.Format("rollup.notSubmitted", ("count", submissions.NotSubmitted.Count), ("days", daysLeft), ("deadline", VietnameseFormat.Date(deadline)), ("communes", string.Join(", ", names)))
                : texts.Format("rollup.notSubmittedLate", ("count", submissions.NotSubmitted.Count), ("deadline", VietnameseFormat.Date(deadline)), ("communes", string.Join(", ", names))));
            // Drafts are among those not submitted: said after them, as part of them, so no commune reads as counted twice.
            if (summary.Drafts is { Count: > 0 } drafts)
            {
                notes.Add(texts.Format("rollup.drafts", ("count", drafts.Count), ("communes", string.Join(", ", drafts.Take(NamesListed).Select(tree.NameOf)))));
            }
        }
        else
        {
            notes.Add(texts.Format("rollup.allSubmitted", ("appraised", submissions.Appraised), ("count", summary.Communes)));
        }
        if (summary.WeakestQuestions.Count > 0)
        {
            notes.Add(texts.Format("rollup.weakest", ("questions", string.Join("; ", summary.WeakestQuestions.Select(q =>
                texts.Format("rollup.weakestQuestion", ("form", texts.Text("rollup.form." + q.Form)), ("n", q.Number), ("topic", Topic(q)), ("mean", VietnameseFormat.Points(q.Mean))))))));
        }
        return new SummaryView(texts.Format("rollup.title", ("unit", tree.NameOf(summary.UnitId)), ("year", summary.Year)), facts, notes);
    }

    private string Share(decimal share, decimal? target, bool? met) =>
        target is { } wanted
            ? texts.Format("rollup.share", ("share", VietnameseFormat.Percent(share)), ("target", VietnameseFormat.Percent(wanted)), ("mark", Mark(met == true)))
            : texts.Format("rollup.shareNoTarget", ("share", VietnameseFormat.Percent(share)));

    private string Mark(bool met) => texts.Text(met ? "rollup.met" : "rollup.notMet");

    /// <summary>A decision's day as written on it: "2027-01-15" → "15/01/2027".</summary>
    private static string Day(string isoDay) =>
        DateOnly.TryParseExact(isoDay, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : isoDay;

    private static string Points(decimal score, decimal max) => $"{VietnameseFormat.Points(score)}/{VietnameseFormat.Points(max)}";
}
