using Scoring.Scheme;

namespace Scoring.Rules;

/// <summary>Counts communes per level and checks the shares against the year's province targets.</summary>
public sealed class RollupCalculator(SchemeRules rules, LevelRules levels, SchemeCalendar calendar)
{
    private const int WeakestQuestionsShown = 3;

    /// <summary>
    /// <paramref name="questions"/> are every survey question's scores across the unit; the
    /// weakest few (lowest mean, among questions someone answered) are kept.
    /// </summary>
    /// <remarks>
    /// Levels, shares and targets count final results only (appraised or recognised; a revoked
    /// one as not meeting the standard), over every commune of the unit: a draft is no level.
    /// Submitted but unappraised communes are counted apart, as provisional. A disqualified commune
    /// is decided whatever it submitted: "không xét đánh giá năm đó (… xếp loại không đạt chuẩn)",
    /// so it counts as not meeting the standard, and is not listed as one still to submit (nor, once
    /// submitted, as one still to appraise).
    /// </remarks>
    public UnitSummary Compute(string unitId, int year, IEnumerable<CommuneOutcome> communes, IEnumerable<QuestionScore>? questions = null)
    {
        var final = new int[5];
        var provisional = new int[5];
        var notSubmitted = new List<string>();
        var drafts = new List<string>();
        int submitted = 0, appraised = 0, total = 0;
        foreach (var commune in communes)
        {
            total++;
            var status = commune.Status ?? ResultStatuses.Of(commune.Submitted, commune.Submitted, commune.Appraised);
            var level = (int)levels.Classify(commune.Total, commune.Disqualified || status == ResultStatus.Revoked).Code;
            var decided = ResultStatuses.IsFinal(status) || commune.Disqualified;
            if (decided)
            {
                final[level]++;
            }
            else if (status == ResultStatus.Submitted)
            {
                provisional[level]++;
            }
            else if (status == ResultStatus.Draft)
            {
                drafts.Add(commune.CommuneId);
            }
            if (status >= ResultStatus.Submitted)
            {
                submitted++;
            }
            else if (!commune.Disqualified)
            {
                notSubmitted.Add(commune.CommuneId);
            }
            // Of the submitted ones, those decided: what is left is what appraisers still have to do.
            appraised += decided && status >= ResultStatus.Submitted ? 1 : 0;
        }
        notSubmitted.Sort(StringComparer.Ordinal);
        drafts.Sort(StringComparer.Ordinal);
        var meeting = final.Sum() - final[0];
        var aboveLevel1 = meeting - final[1];
        var provisionalMeeting = provisional.Sum() - provisional[0];
        return new UnitSummary(
            unitId,
            year,
            total,
            Counts(final),
            Share(meeting, total),
            Share(aboveLevel1, total),
            Check(rules.Targets.FirstOrDefault(t => t.Year == year), total, meeting, aboveLevel1, final[4]),
            new SubmissionStatus(calendar.SelfAssessmentDeadline(year), submitted, appraised, notSubmitted),
            (questions ?? []).Where(q => q.Responses > 0).OrderBy(q => q.Mean).ThenBy(q => q.Form, StringComparer.Ordinal).ThenBy(q => q.Number)
                .Take(WeakestQuestionsShown).ToList(),
            new ProvisionalLevels(
                provisional.Sum(),
                Counts(provisional),
                Share(meeting + provisionalMeeting, total),
                Share(aboveLevel1 + provisionalMeeting - provisional[1], total)),
            drafts);
    }

    private static LevelCounts Counts(int[] counts) => new(counts[0], counts[1], counts[2], counts[3], counts[4]);

    private static TargetCheck? Check(ProvinceTarget? target, int total, int meeting, int aboveLevel1, int level4)
    {
        if (target is null)
        {
            return null;
        }
        // Compared on counts, not on the rounded shares, so 89.996% never passes for 90%.
        var meetingMet = total > 0 && meeting >= target.MeetingStandardShare * total;
        var aboveMet = target.AboveLevel1Share is not { } above || (total > 0 && aboveLevel1 >= above * total);
        var level4Met = target.Level4Count is not { } needed || level4 >= needed;
        return new TargetCheck(target.MeetingStandardShare, target.AboveLevel1Share, target.Level4Count, meetingMet, aboveMet, level4Met, meetingMet && aboveMet && level4Met);
    }

    private static decimal Share(int part, int total) =>
        total == 0 ? 0m : Math.Round((decimal)part / total, 4, MidpointRounding.AwayFromZero);
}
