using Bot.People;
using Scoring.Rules;
using Scoring.Text;

namespace Bot.Assistant.Answers;

/// <summary>Deadlines, the survey window and the year's targets, worked out for the year asked about by <see cref="SchemeCalendar"/>.</summary>
public sealed class CalendarAnswers(ScoringRules rules, AssistantTexts texts, string guideCitation)
{
    private SchemeCalendar Calendar => rules.Calendar;

    public AssistantAnswer SelfAssessment(int year, DateTimeOffset now) => Answer(SelfLine(year, now));

    public AssistantAnswer Appraisal(int year, DateTimeOffset now) => Answer(AppraisalLine(year, now));

    public AssistantAnswer Recognition(int year) => Answer(RecognitionLine(year));

    /// <summary>
    /// "Ai thẩm định xã mình?", "cấp nào công nhận?": the appraising level the scheme names, as this province has it since
    /// the district level ended (scheme.json's appraisingLevel), with its deadlines; for staff, the unit their commune is under.
    /// </summary>
    public AssistantAnswer Appraisers(Asker asker, int year)
    {
        var lines = new List<string> { texts.Text("answer.appraisers." + rules.Scheme.Rules.AppraisingLevel) };
        if (asker.Person.Role == StaffRole.Staff && asker.Tree.Find(asker.Person.UnitId) is { ParentId: { } parent, Name: { } commune })
        {
            lines.Add(texts.Format("answer.appraisersOfCommune", ("commune", commune), ("unit", asker.Tree.NameOf(parent))));
        }
        lines.Add(AppraisalLine(year, asker.Now));
        lines.Add(RecognitionLine(year));
        return Answer([.. lines]);
    }

    /// <summary>Which score counts: the appraised one once appraised, the self-score until then (provisional), final with the recognition.</summary>
    public AssistantAnswer WhichScore() => Answer(texts.Text("answer.whichScore"));

    /// <summary>What follows "nộp": no more changes in chat, the appraisal (which may change any item) and the recognition.</summary>
    public AssistantAnswer AfterSubmission(int year, DateTimeOffset now) =>
        Answer(texts.Text("answer.afterSubmission"), AppraisalLine(year, now), RecognitionLine(year));

    public AssistantAnswer SurveyWindow(int year, DateTimeOffset now) => Answer(WindowLine(year, now));

    /// <summary>The whole year in order: survey, self-scoring, appraisal, recognition.</summary>
    public AssistantAnswer Year(int year, DateTimeOffset now) =>
        Answer(WindowLine(year, now), SelfLine(year, now), AppraisalLine(year, now), RecognitionLine(year));

    public AssistantAnswer Targets(int year)
    {
        var scheme = rules.Scheme.Rules;
        if (scheme.Targets.FirstOrDefault(t => t.Year == year) is not { } target)
        {
            return Answer(texts.Format("answer.targetsNone", ("year", year), ("from", scheme.Years.From), ("to", scheme.Years.To)));
        }
        var parts = new List<string> { texts.Format("answer.targetMeeting", ("share", VietnameseFormat.Percent(target.MeetingStandardShare))) };
        if (target.AboveLevel1Share is { } above)
        {
            parts.Add(texts.Format("answer.targetAbove", ("share", VietnameseFormat.Percent(above))));
        }
        if (target.Level4Count is { } level4)
        {
            parts.Add(texts.Format("answer.targetLevel4", ("count", level4)));
        }
        return Answer(texts.Format("answer.targets", ("year", year), ("parts", string.Join("; ", parts))));
    }

    private string SelfLine(int year, DateTimeOffset now)
    {
        var deadline = Calendar.SelfAssessmentDeadline(year);
        return texts.Format("answer.selfDeadline", ("year", year), ("date", VietnameseFormat.Date(deadline)), ("left", Left(now, deadline)));
    }

    private string AppraisalLine(int year, DateTimeOffset now)
    {
        var deadline = Calendar.AppraisalDeadline(year);
        return texts.Format("answer.appraisalDeadline", ("year", year), ("date", VietnameseFormat.Date(deadline)), ("left", Left(now, deadline)));
    }

    private string RecognitionLine(int year) => texts.Format("answer.recognition", ("year", year), ("next", year + 1));

    private string WindowLine(int year, DateTimeOffset now)
    {
        var (from, to) = Calendar.CitizenSurveyWindow(year);
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), Calendar.Offset);
        var end = new DateTimeOffset(to.ToDateTime(TimeOnly.MinValue), Calendar.Offset);
        var left = Calendar.DaysLeft(now, start) > 0 ? Left(now, start)
            : Calendar.DaysLeft(now, end) >= 0 ? texts.Text("answer.underway")
            : texts.Text("answer.passed");
        return texts.Format("answer.surveyWindow", ("year", year), ("from", VietnameseFormat.Date(start)), ("to", VietnameseFormat.Date(end)), ("left", left));
    }

    /// <summary>" (còn 23 ngày)" or " (đã qua)": "trước ngày 15/12" means the 15th itself is already late.</summary>
    private string Left(DateTimeOffset now, DateTimeOffset day) => Calendar.DaysLeft(now, day) is > 0 and var days
        ? texts.Format("answer.daysLeft", ("days", days))
        : texts.Text("answer.passed");

    private AssistantAnswer Answer(params string[] lines) =>
        new(string.Join('\n', lines) + "\n" + texts.Format("answer.source", ("source", guideCitation)), AnswerKind.Computed);
}
