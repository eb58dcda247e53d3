using Bot.Activities;
using Bot.Dialogs;
using Bot.Staff.Dialogs;
using Bot.State;
using Scoring.Rules;
using Scoring.Scheme;
using Scoring.Text;

namespace Bot.Staff.Assessments;

/// <summary>
/// "tự chấm điểm": walks every leaf of the rubric with its guidance, takes a score (checked
/// against the item's max and the scheme's step) and an optional evidence note, saves the draft
/// to the scoring core after each answer's turn is saved, and submits it (nộp) before the deadline.
/// </summary>
public sealed class SelfScoringDialog(
    ScoringRules rules, SelfScoringDrafts drafts, SelfScoringReview review, StaffTexts texts, BotTexts common, RubricWalk walk, ScoreProjection projection)
    : RubricDialog<SelfScoringFrame, SelfScoringDraft>(walk, texts, common)
{
    private const int ButtonsUpTo = 5;

    public override IReadOnlyList<StaffCommandKind> BegunBy { get; } = [StaffCommandKind.SelfScore];

    protected override string TextPrefix => "self";

    protected override IReadOnlyList<WalkStep> Steps =>
    [
        new(StaffAwaiting.Confirm, IsPrompt: true, (staff, progress, draft, _, key, _) => Done(() => review.Confirm(staff, progress, draft, key))),
        new(StaffAwaiting.Evidence, IsPrompt: false, OnEvidenceAsync),
        new(StaffAwaiting.ScoreOrEvidence, IsPrompt: false, OnScoreOrEvidenceAsync),
    ];

    protected override IReadOnlyList<WalkCommand> Commands =>
    [
        new((_, _, _, key) => Texts.Review.Matches(key), (staff, progress, draft, _, _, cancellationToken) => review.ReviewAsync(staff, progress, draft, cancellationToken)),
        new((_, _, _, key) => Texts.Submit.Matches(key), (staff, progress, draft, _, _, _) => Done(() => review.AskToSubmit(staff, progress, draft))),
    ];

    protected override IReadOnlyList<WalkCommand> ItemCommands =>
    [
        // "Không có" is one of the skip words everywhere, but asked for a score it says the commune has not
        // done the item: that is answered as "chưa làm" is, not taken as "bỏ qua".
        new((_, _, _, key) => Common.Skip.Matches(key) && !Texts.NotDone.Within(key), SkipAsync),
    ];

    public async Task BeginAsync(StaffTurn staff, CancellationToken cancellationToken)
    {
        var turn = staff.Turn;
        var communeId = staff.Person!.UnitId;
        var resuming = turn.State.Staff is SelfScoringFrame same && same.CommuneId == communeId && same.Year == staff.Year;
        var progress = resuming ? (SelfScoringFrame)turn.State.Staff! : new SelfScoringFrame
        {
            CommuneId = communeId,
            CommuneName = staff.Tree.NameOf(communeId),
            Year = staff.Year,
        };
        var draft = await drafts.LoadAsync(staff, progress, cancellationToken);
        if (draft is null)
        {
            turn.Say(Texts.Text("staff.coreDown"));
            return;
        }
        if (draft.Final)
        {
            review.SayAlreadySubmitted(staff, progress, draft);
            return;
        }
        staff.BeginDialog(progress);
        turn.Say(Opening(progress, draft, resuming));
        await StartWalkAsync(staff, progress, draft, cancellationToken);
    }

    /// <summary>
    /// Mid-walk in this conversation, a one-line reminder; otherwise the deadline and the commands,
    /// with "Tiếp tục" rather than "Bắt đầu" when the draft already holds scores (after "dừng", or
    /// begun on another channel or by a colleague).
    /// </summary>
    private string Opening(SelfScoringFrame progress, SelfScoringDraft draft, bool resuming)
    {
        (string, object?)[] values =
        [
            ("commune", progress.CommuneName), ("year", progress.Year), ("total", Rubric.Leaves.Count), ("scored", draft.Items.Count),
            ("deadline", drafts.Deadline(progress.Year)),
        ];
        if (resuming)
        {
            return Texts.Format("self.resume", values);
        }
        return Texts.Format(draft.Items.Count > 0 ? "self.return" : "self.start", values) + "\n" + Texts.Text("self.howTo");
    }

    protected override async Task<SelfScoringDraft?> LoadAsync(StaffTurn staff, SelfScoringFrame progress, string? text, CancellationToken cancellationToken)
    {
        var draft = await drafts.LoadAsync(staff, progress, cancellationToken);
        if (draft is null)
        {
            if (text is not null && !drafts.KeepWhileCoreDown(staff, progress, text))
            {
                staff.Turn.Say(Texts.Text("staff.coreDown"));
            }
            return null;
        }
        if (draft.Final)
        {
            review.SayAlreadySubmitted(staff, progress, draft);
            return null;
        }
        return draft;
    }

    protected override bool IsDone(SelfScoringDraft draft, string leafId) => draft.Items.ContainsKey(leafId);

    protected override void Leave(StaffTurn staff, SelfScoringFrame progress, SelfScoringDraft draft)
    {
        if (staff.Turn.State.HasUnsaved(StaffMode.SelfScoring, progress.CommuneId, progress.Year))
        {
            drafts.SaveAfterTurn(staff, progress, draft, final: false);
        }
        staff.Turn.Say(Texts.Format("self.stopped", ("scored", draft.Items.Count), ("total", Rubric.Leaves.Count)));
        staff.EndDialog();
    }

    protected override Task WalkEndedAsync(StaffTurn staff, SelfScoringFrame progress, SelfScoringDraft draft, CancellationToken cancellationToken) =>
        review.ReviewAsync(staff, progress, draft, cancellationToken);

    protected override Task AfterTheEndAsync(StaffTurn staff, SelfScoringFrame progress, SelfScoringDraft draft, CancellationToken cancellationToken) =>
        Done(() => review.SayHint(staff, draft));

    /// <summary>A criterion left behind gets its subtotal and the projection.</summary>
    protected override async Task CriterionLeftAsync(StaffTurn staff, SelfScoringFrame progress, SelfScoringDraft draft, RubricItem criterion, CancellationToken cancellationToken)
    {
        var score = rules.Assessment.Compute(draft.Items, null).Criteria.First(c => c.Id == criterion.Id);
        staff.Turn.Say(Texts.Format("self.criterionDone", ("no", Walk.CriterionNumber(criterion)), ("score", VietnameseFormat.Points(score.Self)), ("max", VietnameseFormat.Points(score.Max)))
            + "\n" + await projection.DescribeAsync(progress.CommuneId, progress.Year, draft.Items, cancellationToken));
    }

    private Task SkipAsync(StaffTurn staff, SelfScoringFrame progress, SelfScoringDraft draft, string text, string key, CancellationToken cancellationToken)
    {
        progress.Skipped.Add(progress.Cursor!);
        staff.Turn.Say(Texts.Format("self.skipped", ("id", progress.Cursor)));
        return MoveOnAsync(staff, progress, draft, cancellationToken);
    }

    protected override async Task OnScoreAsync(StaffTurn staff, SelfScoringFrame progress, SelfScoringDraft draft, string text, CancellationToken cancellationToken)
    {
        var leaf = Rubric.Find(progress.Cursor!)!;
        if (Walk.ReadScore(text, leaf.Id) is not { } read || rules.Assessment.Check(leaf.Id, read.Score) is not null)
        {
            var allowed = rules.Assessment.AllowedValues(leaf);
            // "Chưa làm": what that scores is said, and the person types it; a self-score is theirs to give.
            staff.Turn.Say(Texts.NotDone.Within(TextNormalizer.Key(text))
                    ? Texts.Format("self.notDone", ("id", leaf.Id))
                    : Texts.Format("self.badScore", ("id", leaf.Id), ("allowed", VietnameseFormat.PointsList(allowed)), ("example", VietnameseFormat.Points(allowed[^1]))),
                Buttons(leaf), expectingInput: true);
            return;
        }
        var unsaved = SelfScoringDrafts.Unsaved(staff, progress);
        draft.Items[leaf.Id] = read.Score;
        unsaved.Scores[leaf.Id] = read.Score;
        progress.Skipped.Remove(leaf.Id);
        if (read.Note is { } note)
        {
            draft.Evidence[leaf.Id] = note;
            unsaved.Notes[leaf.Id] = note;
        }
        drafts.SaveAfterTurn(staff, progress, draft, final: false);
        if (read.Note is null)
        {
            progress.Awaiting = StaffAwaiting.Evidence;
            progress.PendingScore = read.Score;
            staff.Turn.Say(Texts.Format("self.askEvidence", ("score", VietnameseFormat.Points(read.Score)), ("id", leaf.Id)),
                [CardAction.ImBack(Common["button.skip"])], expectingInput: true);
            return;
        }
        await MoveOnAsync(staff, progress, draft, cancellationToken);
    }

    private async Task OnEvidenceAsync(StaffTurn staff, SelfScoringFrame progress, SelfScoringDraft draft, string text, string key, CancellationToken cancellationToken)
    {
        var leafId = progress.Cursor!;
        var attached = staff.Turn.Activity.Attachments is { Count: > 0 };
        if (Texts.OnlyYes.Matches(key) && !attached)
        {
            staff.Turn.Say(Texts.Format("self.evidenceWhich", ("id", leafId)), [CardAction.ImBack(Common["button.skip"])], expectingInput: true);
            return;
        }
        if (!attached && draft.Items.TryGetValue(leafId, out var given)
            && AskedScoreOrNote(staff, progress, text, given, score => rules.Assessment.Check(leafId, score) is null, StaffAwaiting.ScoreOrEvidence, "asEvidence",
                (other, reason, line) => Texts.Format("self.scoreOrEvidence", ("id", leafId), ("pending", VietnameseFormat.Points(given)),
                    ("score", VietnameseFormat.Points(other)), ("note", reason), ("text", line))))
        {
            return;
        }
        progress.Awaiting = StaffAwaiting.Score;
        progress.PendingScore = null;
        // A bare score ("1", "tối đa") here means "no evidence" and answers the next item.
        var bareScore = Walk.IsBareScore(text);
        await SaveEvidenceAsync(staff, progress, draft, Common.Skip.Matches(key) || bareScore ? null : EvidenceNotes.From(staff, text, Texts), ask: !bareScore, cancellationToken);
        if (bareScore && progress.Cursor is not null)
        {
            await OnScoreAsync(staff, progress, draft, text, cancellationToken);
        }
    }

    /// <summary>The answer to "sửa điểm, hay lưu làm kiểm chứng?"; anything else is the evidence asked for before.</summary>
    private async Task OnScoreOrEvidenceAsync(StaffTurn staff, SelfScoringFrame progress, SelfScoringDraft draft, string text, string key, CancellationToken cancellationToken)
    {
        var (choice, line, _) = TakeScoreOrNote(progress, key, "asEvidence");
        if (choice == ScoreOrNote.Rescore)
        {
            var read = Walk.ReadScore(line, progress.Cursor!)!.Value;
            staff.Turn.Say(Texts.Format("self.rescored", ("id", progress.Cursor), ("score", VietnameseFormat.Points(read.Score)), ("note", read.Note)));
            await OnScoreAsync(staff, progress, draft, line, cancellationToken);
        }
        else if (choice == ScoreOrNote.Note)
        {
            await SaveEvidenceAsync(staff, progress, draft, EvidenceNotes.From(staff, line, Texts), ask: true, cancellationToken);
        }
        else
        {
            progress.Awaiting = StaffAwaiting.Evidence;
            await OnEvidenceAsync(staff, progress, draft, text, key, cancellationToken);
        }
    }

    /// <summary>The evidence note, if any, saved after the turn; then on to the next item.</summary>
    private async Task SaveEvidenceAsync(StaffTurn staff, SelfScoringFrame progress, SelfScoringDraft draft, string? note, bool ask, CancellationToken cancellationToken)
    {
        var leafId = progress.Cursor!;
        if (note is not null)
        {
            draft.Evidence[leafId] = note;
            SelfScoringDrafts.Unsaved(staff, progress).Notes[leafId] = note;
            drafts.SaveAfterTurn(staff, progress, draft, final: false);
            staff.Turn.Say(Texts.Format("self.evidenceSaved", ("id", leafId)));
        }
        await MoveOnAsync(staff, progress, draft, cancellationToken, ask);
    }

    protected override void Ask(StaffTurn staff, SelfScoringFrame progress, SelfScoringDraft draft)
    {
        var leaf = Rubric.Find(progress.Cursor!)!;
        var criterion = Rubric.CriterionOf(leaf);
        var b = rules.Assessment.Compute(draft.Items, null);
        var current = draft.Items.TryGetValue(leaf.Id, out var score)
            ? Texts.Format("self.item.current", ("score", VietnameseFormat.Points(score)),
                ("evidence", draft.Evidence.TryGetValue(leaf.Id, out var evidence) ? Texts.Format("self.item.currentEvidence", ("evidence", evidence)) : ""))
            : "";
        staff.Turn.Say(Texts.Format("self.item",
            ("id", leaf.Id), ("criterion", criterion.DisplayTitle), ("title", leaf.Title), ("max", VietnameseFormat.Points(leaf.Max)), ("guidance", leaf.Guidance),
            ("current", current), ("criterionNo", Walk.CriterionNumber(criterion)), ("criterionScore", VietnameseFormat.Points(b.Criteria.First(c => c.Id == criterion.Id).Self)),
            ("criterionMax", VietnameseFormat.Points(criterion.Max)), ("bScore", VietnameseFormat.Points(b.Self)), ("scored", draft.Items.Count), ("total", Rubric.Leaves.Count),
            ("allowed", VietnameseFormat.PointsList(rules.Assessment.AllowedValues(leaf)))),
            Buttons(leaf), expectingInput: true);
    }

    /// <summary>Every allowed score as a button when there are few; otherwise none, the lowest and the highest (typing works for all).</summary>
    private List<CardAction> Buttons(RubricItem leaf)
    {
        var allowed = rules.Assessment.AllowedValues(leaf);
        var shown = allowed.Count <= ButtonsUpTo ? allowed : [allowed[0], allowed[allowed.Count / 2], allowed[^1]];
        return [.. shown.Select(v => CardAction.ImBack(VietnameseFormat.Points(v))), CardAction.ImBack(Common["button.skip"])];
    }
}
