using Bot.Dialogs;
using Scoring.Rules;
using Scoring.Text;

namespace Bot.Assistant.Answers;

/// <summary>
/// An official's "bao nhiêu xã đã nộp?", "xã nào chưa nộp?", "tỉnh đã đạt chỉ tiêu chưa?": the unit they appraise, from
/// the scoring core's rollup: submissions and who has not submitted, appraisals, and the shares against the year's targets.
/// </summary>
public sealed class UnitRollupAnswers(ScoringRules rules, AssistantTexts texts, BotTexts common, IUnitRollups rollups)
{
    public async Task<AssistantAnswer> AnswerAsync(Question question, Asker asker, CancellationToken cancellationToken)
    {
        var year = asker.YearOf(question);
        var unitId = asker.Person.UnitId;
        var result = await rollups.SummaryAsync(unitId, year, cancellationToken);
        if (!result.Ok)
        {
            return new AssistantAnswer(common.CoreFailure(result), AnswerKind.Computed);
        }
        var summary = result.Value!;
        var unit = asker.Tree.NameOf(unitId);
        var submissions = summary.Submissions;
        var lines = new List<string>
        {
            texts.Format("answer.rollup", ("unit", unit), ("year", year), ("submitted", submissions.Submitted), ("communes", summary.Communes), ("appraised", submissions.Appraised)),
        };
        if (submissions.NotSubmitted.Count > 0)
        {
            var deadline = submissions.SelfAssessmentDeadline.ToOffset(rules.Calendar.Offset);
            var days = rules.Calendar.DaysLeft(asker.Now, deadline);
            lines.Add(texts.Format(days > 0 ? "answer.rollupNotSubmitted" : "answer.rollupNotSubmittedLate",
                ("count", submissions.NotSubmitted.Count), ("deadline", VietnameseFormat.Date(deadline)), ("days", days), ("communes", texts.Listed(submissions.NotSubmitted.Select(asker.Tree.NameOf)))));
        }
        var levels = rules.Scheme.Rules.Levels;
        int[] counts = [summary.ByLevel.None, summary.ByLevel.Level1, summary.ByLevel.Level2, summary.ByLevel.Level3, summary.ByLevel.Level4];
        var judged = counts.Sum();
        if (judged == 0)
        {
            // Nothing appraised yet: "0% đạt chuẩn, chưa đạt chỉ tiêu" would read as a verdict on communes not yet judged.
            lines.Add(texts.Text("answer.rollupNoneAppraised"));
        }
        else
        {
            lines.Add(texts.Format("answer.rollupLevels", ("levels", string.Join("; ", counts.Select((count, level) => $"{levels[level].Name}: {count}").Reverse()))));
        }
        if (judged > 0 && summary.Targets is { } targets)
        {
            lines.Add(texts.Format("answer.rollupTargets", ("share", VietnameseFormat.Percent(summary.MeetingStandardShare)), ("target", VietnameseFormat.Percent(targets.MeetingStandardShare)),
                ("verdict", texts.Text(targets.Met ? "answer.rollupMet" : "answer.rollupNotMet"))));
        }
        if (summary.Provisional is { Communes: > 0 } provisional)
        {
            lines.Add(texts.Format("answer.rollupProvisional", ("count", provisional.Communes), ("share", VietnameseFormat.Percent(provisional.MeetingStandardShareIfConfirmed))));
        }
        lines.Add(texts.Text("answer.rollupMoreIn"));
        return new AssistantAnswer(string.Join('\n', lines), AnswerKind.Computed);
    }
}
