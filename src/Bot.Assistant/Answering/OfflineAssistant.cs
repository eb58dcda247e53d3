using Bot.Assistant.Answers;
using Bot.Assistant.Knowledge;
using Bot.Assistant.Questions;
using Bot.People;

namespace Bot.Assistant.Answering;

/// <summary>
/// Answers without any network: first the questions whose answer can be worked out (a commune's
/// gap to the next level, deadlines, survey scoring, targets, levels, an item's points), then the
/// best passage of the scheme's texts, quoted with its source.
/// </summary>
public sealed class OfflineAssistant(
    AssistantTexts texts,
    QuestionReader reader,
    KnowledgeBase knowledge,
    RubricAnswers rubric,
    LevelAnswers levels,
    CalendarAnswers calendar,
    SurveyAnswers surveys,
    CommuneGapAnswers gaps,
    CommuneSurveyAnswers communeSurveys,
    UnitRollupAnswers rollups,
    UnitRankingAnswers ranking,
    SurveyProgressAnswers surveyProgress,
    RetrievedAnswers retrieved)
{
    public const int PassagesSearched = 5;

    public Question Read(string text, Asker asker) => reader.Read(text, asker.AtItem);

    /// <summary>The computed answer, if the question has one; null when only the texts can answer it.</summary>
    public async Task<AssistantAnswer?> ComputeAsync(Question q, Asker asker, CancellationToken cancellationToken)
    {
        var year = asker.YearOf(q);
        // "Xã đạt chuẩn thì được khen thưởng gì?": the Đề án's words on commendation (or discipline), not the levels "đạt chuẩn" would pick.
        if (texts.Reward.FoundIn(q))
        {
            return null;
        }
        // "Ai thẩm định xã mình?", "ai công nhận xã đạt chuẩn?": first, before the commune's own score ("xã mình …
        // đạt chuẩn"), the levels ("đạt chuẩn") and the deadlines ("thẩm định").
        if (texts.WhoDecides.FoundIn(q) && (texts.Appraisal.FoundIn(q) || texts.Recognition.FoundIn(q)))
        {
            return calendar.Appraisers(asker, year);
        }
        // An official asking how a commune stands, naming one not in their scope (or nowhere): not found, as a command
        // would say, rather than the levels that "lên mức 2" would pick or a refusal as if it were off the scheme.
        if (NamesACommuneNotInScope(q, asker))
        {
            return new AssistantAnswer(texts.Format("answer.communeNotInScope", ("text", CommuneMention.Typed(q))), AnswerKind.Computed);
        }
        // "Xã mình có bao nhiêu phiếu rồi?": before the gap, which "thiếu" or "được bao nhiêu" would pick.
        if (IsAboutCommuneSurveys(q, asker))
        {
            return await communeSurveys.AnswerAsync(q, asker, cancellationToken);
        }
        if (IsAboutOwnCommune(q, asker))
        {
            return await gaps.AnswerAsync(q, asker, cancellationToken);
        }
        // An official's "xã nào điểm cao nhất?": before the rollup, which "xã nào" would pick. Commune staff see their own
        // commune only, and are told so rather than given a passage about something else.
        if (IsAboutRanking(q))
        {
            return asker.Person.Role == StaffRole.Staff
                ? new AssistantAnswer(texts.Text("answer.rankingNotForStaff"), AnswerKind.Computed)
                : await ranking.AnswerAsync(q, asker, cancellationToken);
        }
        // An official's "xã nào chưa nộp?", "tỉnh đã đạt chỉ tiêu chưa?", "xã nào có phiếu chờ xét?": before the
        // targets, which "chỉ tiêu" would pick.
        if (asker.Person.Role != StaffRole.Staff && texts.Rollup.FoundIn(q))
        {
            return texts.Survey.FoundIn(q) ? await surveyProgress.AnswerAsync(q, asker, cancellationToken) : await rollups.AnswerAsync(q, asker, cancellationToken);
        }
        // "Điểm thẩm định khác điểm tự chấm thì lấy điểm nào?": before the deadlines, which "thẩm định" would pick.
        if (texts.WhichScore.FoundIn(q))
        {
            return calendar.WhichScore();
        }
        // "Nộp rồi có sửa được không?", "tự chấm xong thì làm gì tiếp?": before the deadlines, which "nộp" would pick.
        if (texts.AfterSubmission.FoundIn(q))
        {
            return calendar.AfterSubmission(year, asker.Now);
        }
        // "Khi nào", "hạn": a date asked for; not the "hạn" of "trễ hạn", "đúng hạn", "hạn chế" (a case's deadline, item 1.6).
        var dated = texts.NotADeadline.RemovedFrom(q);
        if (texts.When.FoundIn(dated))
        {
            if (texts.SelfAssessment.FoundIn(q))
            {
                return calendar.SelfAssessment(year, asker.Now);
            }
            if (texts.Appraisal.FoundIn(q))
            {
                return calendar.Appraisal(year, asker.Now);
            }
            if (texts.Recognition.FoundIn(q))
            {
                return calendar.Recognition(year);
            }
            if (texts.Survey.FoundIn(q))
            {
                return calendar.SurveyWindow(year, asker.Now);
            }
            if (dated.Contains("han"))
            {
                return calendar.Year(year, asker.Now);
            }
        }
        // "90% là chỉ tiêu gì?", "bao nhiêu % xã đạt chuẩn?"; not item 1.6's "100% hồ sơ đúng hạn".
        if (texts.Targets.FoundIn(q) || (q.HasPercent && texts.Level.FoundIn(q)))
        {
            return calendar.Targets(year);
        }
        if (texts.Survey.FoundIn(q) && texts.SurveyWho.FoundIn(q))
        {
            return surveys.WhoRuns(q);
        }
        if (texts.SurveySample.FoundIn(q))
        {
            return surveys.Sample(q, year);
        }
        // "A1 tính thế nào?"; "phần A (điểm A) tính thế nào?" too: how the surveys are scored, not the rubric's line for part A.
        if ((texts.Survey.FoundIn(q) && texts.SurveyScoring.FoundIn(q) && q.ItemIds.All(id => id is "A1" or "A2"))
            || (texts.HowComputed.FoundIn(q) && (q.ItemIds is ["A"] || (q.ItemIds.Count == 0 && q.Contains("diem a")))))
        {
            return surveys.Scoring(q);
        }
        if (texts.Step.FoundIn(q))
        {
            return rubric.Step();
        }
        if (q.Points is { } total && (texts.Classify.FoundIn(q) || texts.Level.FoundIn(q)))
        {
            return levels.Classify(total);
        }
        if (q.ItemIds.Count == 0 && (q.Level is not null || texts.Level.FoundIn(q)))
        {
            return q.Level is { } level ? levels.One(level) : levels.All();
        }
        if (q.ItemIds.Count > 0)
        {
            return rubric.Item(q.ItemIds[0]);
        }
        if (texts.Total.FoundIn(q))
        {
            return rubric.Total();
        }
        if (texts.PartB.FoundIn(q))
        {
            return rubric.Item("B");
        }
        if (texts.Points.FoundIn(q) && ItemByName(q) is { } item)
        {
            return rubric.Item(item);
        }
        return null;
    }

    public IReadOnlyList<SearchHit> Search(Question q) => knowledge.Search(q, PassagesSearched);

    public AssistantAnswer Retrieve(IReadOnlyList<SearchHit> hits) => retrieved.Answer(hits);

    /// <summary>
    /// "Còn thiếu gì", "lên mức 2": about a commune's own score, which staff always mean. "Đang
    /// được bao nhiêu điểm" is about the commune only with "xã mình" (or, for officials, a commune
    /// named), and not when an item is named: without "xã mình", "hòm thư được bao nhiêu điểm" asks
    /// about the item, and so does "xã em chưa có camera thì mục 4.5 được mấy điểm".
    /// </summary>
    private bool IsAboutOwnCommune(Question q, Asker asker)
    {
        var own = texts.Own.FoundIn(q);
        var gap = AsksTheGap(q, own);
        var standing = (texts.Standing.FoundIn(q) || texts.Level.FoundIn(q) || texts.NotAssessed.FoundIn(q)) && !NamesAnItem(q);
        if (asker.Person.Role == StaffRole.Staff)
        {
            return gap || (own && standing);
        }
        var named = CommuneMention.Find(q, asker.Person, asker.Tree) is not null;
        return (gap || standing) && (own || named);
    }

    /// <summary>
    /// "Còn thiếu gì", "lên mức 2", and "bị trừ điểm ở đâu?" when no item is named: "hồ sơ quá hạn có bị trừ điểm
    /// không?" asks what item 1.6 takes away, not where the commune lost.
    /// </summary>
    private bool AsksTheGap(Question q, bool own) =>
        texts.Gap.FoundIn(q) || (texts.Loss.FoundIn(q) && (own || (q.ItemIds.Count == 0 && ItemByName(q) is null)));

    private bool NamesACommuneNotInScope(Question q, Asker asker) =>
        asker.Person.Role != StaffRole.Staff
        && (AsksTheGap(q, texts.Own.FoundIn(q)) || (texts.Standing.FoundIn(q) && !NamesAnItem(q)) || (texts.Survey.FoundIn(q) && texts.SurveySoFar.FoundIn(q)))
        && CommuneMention.Typed(q) is not null
        && CommuneMention.Find(q, asker.Person, asker.Tree) is null;

    /// <summary>
    /// A commune's surveys so far: the survey named, with "xã mình" or "rồi", "hiện có", "còn thiếu" (officials name the
    /// commune). Not what the scheme requires ("phải lấy bao nhiêu phiếu?"), nor who runs them.
    /// </summary>
    private bool IsAboutCommuneSurveys(Question q, Asker asker) =>
        texts.Survey.FoundIn(q) && !texts.SurveyRequired.FoundIn(q) && !texts.SurveyWho.FoundIn(q)
        && (asker.Person.Role == StaffRole.Staff
            ? texts.Own.FoundIn(q) || texts.SurveySoFar.FoundIn(q)
            : CommuneMention.Find(q, asker.Person, asker.Tree) is not null && (texts.SurveySoFar.FoundIn(q) || texts.Standing.FoundIn(q)));

    /// <summary>
    /// "Xếp hạng các xã", "xã nào điểm cao nhất?": a ranking word, or "highest" with "which communes" ("đứng đầu" alone is
    /// also "người đứng đầu", the commune's head). Not about the
    /// levels ("mức cao nhất là gì?", "có mấy mức xếp hạng?"), nor the surveys, whose progress answers "xã nào … phiếu … thấp nhất".
    /// </summary>
    private bool IsAboutRanking(Question q) =>
        (texts.Ranking.FoundIn(q) || (texts.RankingExtreme.FoundIn(q) && texts.Rollup.FoundIn(q)))
        && q.Level is null && !texts.LevelsNamed.FoundIn(q) && !texts.Survey.FoundIn(q);

    /// <summary>An item's number, or, in a question of what if ("chưa có camera thì …"), its name.</summary>
    private bool NamesAnItem(Question q) => q.ItemIds.Count > 0 || (texts.WhatIf.FoundIn(q) && ItemByName(q) is not null);

    /// <summary>An item found by what it is called ("camera", "hòm thư góp ý"), among the rubric's items only.</summary>
    private string? ItemByName(Question q) =>
        // Without the words that ask about points ("ảnh hưởng", "tỷ lệ") or set a case ("hỏng"), which the item's text does not hold.
        knowledge.Search(texts.WhatIf.RemovedFrom(texts.Points.RemovedFrom(q)), 1, p => p.Kind == PassageKind.RubricItem) is [{ Answers: true, Passage.ItemId: { } id }] ? id : null;
}
