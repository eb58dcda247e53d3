using Bot.Activities;
using Bot.Dialogs;
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
{
    private const int ButtonsUpTo = 5;

    private Rubric Rubric => rules.Scheme.Rubric;

    public async Task BeginAsync(StaffTurn staff, CancellationToken cancellationToken)
    {
        var turn = staff.Turn;
        var communeId = staff.Person!.UnitId;
        var resuming = turn.State.Staff is { Mode: StaffMode.SelfScoring } same && same.CommuneId == communeId && same.Year == staff.Year;
        var progress = resuming ? turn.State.Staff! : new StaffProgress
        {
            Mode = StaffMode.SelfScoring,
            CommuneId = communeId,
            CommuneName = staff.Tree.NameOf(communeId),
            Year = staff.Year,
        };
        var draft = await drafts.LoadAsync(staff, progress, cancellationToken);
        if (draft is null)
        {
            turn.Say(texts.Text("staff.coreDown"));
            return;
        }
        if (draft.Final)
        {
            review.SayAlreadySubmitted(staff, progress, draft);
            return;
        }
        turn.State.Phase = Phase.Staff;
        turn.State.Staff = progress;
        progress.Awaiting = StaffAwaiting.Score;
        progress.Cursor = walk.Next(null, draft.Items.ContainsKey, []);
        turn.Say(texts.Format(resuming ? "self.resume" : "self.start",
            ("commune", progress.CommuneName), ("year", progress.Year), ("total", Rubric.Leaves.Count), ("scored", draft.Items.Count),
            ("deadline", drafts.Deadline(progress.Year))));
        if (progress.Cursor is null)
        {
            await review.ReviewAsync(staff, progress, draft, cancellationToken);
            return;
        }
        Ask(staff, progress, draft);
    }

    /// <summary>Says the current item again, after another command answered mid-dialog.</summary>
    public async Task RepromptAsync(StaffTurn staff, CancellationToken cancellationToken)
    {
        var progress = staff.Turn.State.Staff!;
        if (await drafts.LoadAsync(staff, progress, cancellationToken) is { } draft && progress.Cursor is not null)
        {
            staff.Turn.Say(texts.Text("self.continue"));
            Ask(staff, progress, draft);
        }
    }

    public async Task ContinueAsync(StaffTurn staff, string text, CancellationToken cancellationToken)
    {
        var turn = staff.Turn;
        var progress = turn.State.Staff!;
        var draft = await drafts.LoadAsync(staff, progress, cancellationToken);
        if (draft is null)
        {
            if (!drafts.KeepWhileCoreDown(staff, progress, text))
            {
                turn.Say(texts.Text("staff.coreDown"));
            }
            return;
        }
        if (draft.Final)
        {
            review.SayAlreadySubmitted(staff, progress, draft);
            return;
        }
        var key = TextNormalizer.Key(text);
        if (common.Help.Matches(key))
        {
            turn.Say(texts.Text("self.help"));
            Ask(staff, progress, draft);
        }
        else if (texts.Stop.Matches(key))
        {
            if (turn.State.HasUnsaved(StaffMode.SelfScoring, progress.CommuneId, progress.Year))
            {
                drafts.SaveAfterTurn(staff, progress, draft, final: false);
            }
            turn.Say(texts.Format("self.stopped", ("scored", draft.Items.Count), ("total", Rubric.Leaves.Count)));
            staff.EndDialog();
        }
        else if (progress.Awaiting == StaffAwaiting.Confirm)
        {
            review.Confirm(staff, progress, draft, key);
        }
        else if (texts.Review.Matches(key))
        {
            await review.ReviewAsync(staff, progress, draft, cancellationToken);
        }
        else if (texts.Submit.Matches(key))
        {
            review.AskToSubmit(staff, progress, draft);
        }
        else if (walk.Jump(text) is { } jump)
        {
            JumpTo(staff, progress, draft, jump, text);
        }
        else if (common.Back.Matches(key))
        {
            GoBack(staff, progress, draft);
        }
        else if (progress.Awaiting == StaffAwaiting.Evidence)
        {
            await OnEvidenceAsync(staff, progress, draft, text, key, cancellationToken);
        }
        else if (progress.Cursor is null)
        {
            turn.Say(texts.Text("self.reviewHint"));
        }
        else if (common.Skip.Matches(key))
        {
            progress.Skipped.Add(progress.Cursor);
            turn.Say(texts.Format("self.skipped", ("id", progress.Cursor)));
            await MoveOnAsync(staff, progress, draft, cancellationToken);
        }
        else
        {
            await OnScoreAsync(staff, progress, draft, text, cancellationToken);
        }
    }

    private async Task OnScoreAsync(StaffTurn staff, StaffProgress progress, SelfScoringDraft draft, string text, CancellationToken cancellationToken)
    {
        var leaf = Rubric.Find(progress.Cursor!)!;
        if (RubricWalk.ReadScore(text) is not { } read || rules.Assessment.Check(leaf.Id, read.Score) is not null)
        {
            var allowed = rules.Assessment.AllowedValues(leaf);
            staff.Turn.Say(texts.Format("self.badScore", ("id", leaf.Id), ("allowed", VietnameseFormat.PointsList(allowed)), ("example", VietnameseFormat.Points(allowed[^1]))),
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
            staff.Turn.Say(texts.Format("self.askEvidence", ("score", VietnameseFormat.Points(read.Score)), ("id", leaf.Id)),
                [CardAction.ImBack(common["button.skip"])], expectingInput: true);
            return;
        }
        await MoveOnAsync(staff, progress, draft, cancellationToken);
    }

    private async Task OnEvidenceAsync(StaffTurn staff, StaffProgress progress, SelfScoringDraft draft, string text, string key, CancellationToken cancellationToken)
    {
        var leafId = progress.Cursor!;
        progress.Awaiting = StaffAwaiting.Score;
        progress.PendingScore = null;
        // A bare score here means "no evidence" and answers the next item.
        var bareScore = RubricWalk.ReadScore(text) is { Note: null };
        var note = common.Skip.Matches(key) || bareScore ? null : EvidenceNotes.From(staff, text, texts);
        if (note is not null)
        {
            draft.Evidence[leafId] = note;
            SelfScoringDrafts.Unsaved(staff, progress).Notes[leafId] = note;
            drafts.SaveAfterTurn(staff, progress, draft, final: false);
            staff.Turn.Say(texts.Format("self.evidenceSaved", ("id", leafId)));
        }
        await MoveOnAsync(staff, progress, draft, cancellationToken, ask: !bareScore);
        if (bareScore && progress.Cursor is not null)
        {
            await OnScoreAsync(staff, progress, draft, text, cancellationToken);
        }
    }

    /// <summary>On to the next item still to score; a criterion left behind gets its subtotal and the projection.</summary>
    private async Task MoveOnAsync(StaffTurn staff, StaffProgress progress, SelfScoringDraft draft, CancellationToken cancellationToken, bool ask = true)
    {
        var from = progress.Cursor is { } current ? Rubric.CriterionOf(Rubric.Find(current)!) : null;
        progress.Cursor = walk.Next(progress.Cursor, draft.Items.ContainsKey, progress.Skipped);
        var to = progress.Cursor is { } next ? Rubric.CriterionOf(Rubric.Find(next)!) : null;
        if (from is not null && from != to)
        {
            var b = rules.Assessment.Compute(draft.Items, null);
            var criterion = b.Criteria.First(c => c.Id == from.Id);
            staff.Turn.Say(texts.Format("self.criterionDone", ("no", walk.CriterionNumber(from)), ("score", VietnameseFormat.Points(criterion.Self)), ("max", VietnameseFormat.Points(criterion.Max)))
                + "\n" + await projection.DescribeAsync(progress.CommuneId, progress.Year, draft.Items, cancellationToken));
        }
        if (progress.Cursor is null)
        {
            await review.ReviewAsync(staff, progress, draft, cancellationToken);
            return;
        }
        if (ask)
        {
            Ask(staff, progress, draft);
        }
    }

    private void JumpTo(StaffTurn staff, StaffProgress progress, SelfScoringDraft draft, JumpResult jump, string text)
    {
        if (jump.LeafId is null)
        {
            staff.Turn.Say(texts.Format("self.unknownItem", ("text", text), ("count", Rubric.Criteria.Count)));
            return;
        }
        progress.Cursor = jump.LeafId;
        progress.Awaiting = StaffAwaiting.Score;
        Ask(staff, progress, draft);
    }

    private void GoBack(StaffTurn staff, StaffProgress progress, SelfScoringDraft draft)
    {
        var previous = progress.Cursor is { } current ? walk.Previous(current) : Rubric.Leaves[^1].Id;
        if (previous is null)
        {
            staff.Turn.Say(texts.Text("self.atFirst"));
        }
        else
        {
            progress.Cursor = previous;
        }
        progress.Awaiting = StaffAwaiting.Score;
        Ask(staff, progress, draft);
    }

    private void Ask(StaffTurn staff, StaffProgress progress, SelfScoringDraft draft)
    {
        var leaf = Rubric.Find(progress.Cursor!)!;
        var criterion = Rubric.CriterionOf(leaf);
        var b = rules.Assessment.Compute(draft.Items, null);
        var current = draft.Items.TryGetValue(leaf.Id, out var score)
            ? texts.Format("self.item.current", ("score", VietnameseFormat.Points(score)),
                ("evidence", draft.Evidence.TryGetValue(leaf.Id, out var evidence) ? texts.Format("self.item.currentEvidence", ("evidence", evidence)) : ""))
            : "";
        staff.Turn.Say(texts.Format("self.item",
            ("id", leaf.Id), ("criterion", criterion.DisplayTitle), ("title", leaf.Title), ("max", VietnameseFormat.Points(leaf.Max)), ("guidance", leaf.Guidance),
            ("current", current), ("criterionNo", walk.CriterionNumber(criterion)), ("criterionScore", VietnameseFormat.Points(b.Criteria.First(c => c.Id == criterion.Id).Self)),
            ("criterionMax", VietnameseFormat.Points(criterion.Max)), ("bScore", VietnameseFormat.Points(b.Self)), ("scored", draft.Items.Count), ("total", Rubric.Leaves.Count),
            ("allowed", VietnameseFormat.PointsList(rules.Assessment.AllowedValues(leaf)))),
            Buttons(leaf), expectingInput: true);
    }

    /// <summary>Every allowed score as a button when there are few; otherwise none, the lowest and the highest (typing works for all).</summary>
    private List<CardAction> Buttons(RubricItem leaf)
    {
        var allowed = rules.Assessment.AllowedValues(leaf);
        var shown = allowed.Count <= ButtonsUpTo ? allowed : [allowed[0], allowed[allowed.Count / 2], allowed[^1]];
        return [.. shown.Select(v => CardAction.ImBack(VietnameseFormat.Points(v))), CardAction.ImBack(common["button.skip"])];
    }

}
