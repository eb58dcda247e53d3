using System.Globalization;
using System.Text.Json;
using Bot.Activities;
using Bot.Dialogs;
using Bot.Outbox;
using Bot.Staff.Core;
using Bot.State;
using Scoring.Rules;
using Scoring.Scheme;
using Scoring.Text;
using ScoringCore.Contracts;

namespace Bot.Staff.Assessments;

/// <summary>
/// "tự chấm điểm": walks every leaf of the rubric with its guidance, takes a score (checked
/// against the item's max and the scheme's step) and an optional evidence note, saves the draft
/// to the scoring core at each answer, and submits it (nộp) before the deadline.
/// </summary>
public sealed class SelfScoringDialog(
    ScoringRules rules, ScoringCoreClient core, StaffTexts texts, BotTexts common, RubricWalk walk, ScoreProjection projection)
{
    private const int ButtonsUpTo = 5;
    private const int MissingListed = 10;

    private Rubric Rubric => rules.Scheme.Rubric;

    public async Task BeginAsync(StaffTurn staff, CancellationToken cancellationToken)
    {
        var turn = staff.Turn;
        var communeId = staff.Person!.UnitId;
        var resuming = turn.State.Staff is { Mode: StaffModes.SelfScoring } same && same.CommuneId == communeId && same.Year == staff.Year;
        var progress = resuming ? turn.State.Staff! : new StaffProgress
        {
            Mode = StaffModes.SelfScoring,
            CommuneId = communeId,
            CommuneName = staff.Tree.NameOf(communeId),
            Year = staff.Year,
        };
        var draft = await LoadAsync(progress, cancellationToken);
        if (draft is null)
        {
            turn.Say(texts.Text("staff.coreDown"));
            return;
        }
        if (draft.Final)
        {
            SayAlreadySubmitted(staff, progress, draft);
            return;
        }
        turn.State.Phase = Phases.Staff;
        turn.State.Staff = progress;
        progress.Awaiting = StaffAwaiting.Score;
        progress.Cursor = walk.Next(null, draft.Items.ContainsKey, []);
        turn.Say(texts.Format(resuming ? "self.resume" : "self.start",
            ("commune", progress.CommuneName), ("year", progress.Year), ("total", Rubric.Leaves.Count), ("scored", draft.Items.Count),
            ("deadline", Deadline(progress.Year))));
        if (progress.Cursor is null)
        {
            await ReviewAsync(staff, progress, draft, cancellationToken);
            return;
        }
        Ask(staff, progress, draft);
    }

    /// <summary>Says the current item again, after another command answered mid-dialog.</summary>
    public async Task RepromptAsync(StaffTurn staff, CancellationToken cancellationToken)
    {
        var progress = staff.Turn.State.Staff!;
        if (await LoadAsync(progress, cancellationToken) is { } draft && progress.Cursor is not null)
        {
            staff.Turn.Say(texts.Text("self.continue"));
            Ask(staff, progress, draft);
        }
    }

    public async Task ContinueAsync(StaffTurn staff, string text, CancellationToken cancellationToken)
    {
        var turn = staff.Turn;
        var progress = turn.State.Staff!;
        var draft = await LoadAsync(progress, cancellationToken);
        if (draft is null)
        {
            if (!KeepWhileCoreDown(staff, progress, text))
            {
                turn.Say(texts.Text("staff.coreDown"));
            }
            return;
        }
        if (draft.Final)
        {
            SayAlreadySubmitted(staff, progress, draft);
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
            await SaveAsync(staff, progress, draft, final: false, cancellationToken);
            turn.Say(texts.Format("self.stopped", ("scored", draft.Items.Count), ("total", Rubric.Leaves.Count)));
            staff.EndDialog();
        }
        else if (progress.Awaiting == StaffAwaiting.Confirm)
        {
            await ConfirmAsync(staff, progress, draft, key, cancellationToken);
        }
        else if (texts.Review.Matches(key))
        {
            await ReviewAsync(staff, progress, draft, cancellationToken);
        }
        else if (texts.Submit.Matches(key))
        {
            AskToSubmit(staff, progress, draft);
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

    private async Task OnScoreAsync(StaffTurn staff, StaffProgress progress, Draft draft, string text, CancellationToken cancellationToken)
    {
        var leaf = Rubric.Find(progress.Cursor!)!;
        if (RubricWalk.ReadScore(text) is not { } read || rules.Assessment.Check(leaf.Id, read.Score) is not null)
        {
            var allowed = rules.Assessment.AllowedValues(leaf);
            staff.Turn.Say(texts.Format("self.badScore", ("id", leaf.Id), ("allowed", VietnameseFormat.PointsList(allowed)), ("example", VietnameseFormat.Points(allowed[^1]))),
                Buttons(leaf), expectingInput: true);
            return;
        }
        draft.Items[leaf.Id] = read.Score;
        progress.UnsavedScores[leaf.Id] = read.Score;
        progress.Skipped.Remove(leaf.Id);
        if (read.Note is { } note)
        {
            draft.Evidence[leaf.Id] = note;
            progress.UnsavedNotes[leaf.Id] = note;
        }
        await SaveAsync(staff, progress, draft, final: false, cancellationToken);
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

    private async Task OnEvidenceAsync(StaffTurn staff, StaffProgress progress, Draft draft, string text, string key, CancellationToken cancellationToken)
    {
        var leafId = progress.Cursor!;
        progress.Awaiting = StaffAwaiting.Score;
        progress.PendingScore = null;
        // A bare score here means "no evidence" and answers the next item.
        var bareScore = RubricWalk.ReadScore(text) is { Note: null };
        var note = common.Skip.Matches(key) || bareScore ? null : Evidence(staff, text);
        if (note is not null)
        {
            draft.Evidence[leafId] = note;
            progress.UnsavedNotes[leafId] = note;
            await SaveAsync(staff, progress, draft, final: false, cancellationToken);
            staff.Turn.Say(texts.Format("self.evidenceSaved", ("id", leafId)));
        }
        await MoveOnAsync(staff, progress, draft, cancellationToken, ask: !bareScore);
        if (bareScore && progress.Cursor is not null)
        {
            await OnScoreAsync(staff, progress, draft, text, cancellationToken);
        }
    }

    /// <summary>
    /// The core cannot be read: a valid score or an evidence note is still kept (in the
    /// conversation, saved with the next answer that reaches the core) and the walk moves on.
    /// </summary>
    private bool KeepWhileCoreDown(StaffTurn staff, StaffProgress progress, string text)
    {
        if (progress.Cursor is not { } leafId)
        {
            return false;
        }
        if (progress.Awaiting == StaffAwaiting.Evidence && Evidence(staff, text) is { } note && !common.Skip.Matches(TextNormalizer.Key(text)))
        {
            progress.UnsavedNotes[leafId] = note;
        }
        else if (progress.Awaiting == StaffAwaiting.Score && RubricWalk.ReadScore(text) is { } read && rules.Assessment.Check(leafId, read.Score) is null)
        {
            progress.UnsavedScores[leafId] = read.Score;
            if (read.Note is { } inline)
            {
                progress.UnsavedNotes[leafId] = inline;
            }
        }
        else
        {
            return false;
        }
        progress.Awaiting = StaffAwaiting.Score;
        progress.Cursor = walk.Next(leafId, progress.UnsavedScores.ContainsKey, progress.Skipped);
        staff.Turn.Say(texts.Format("self.keptOffline", ("id", leafId), ("next", progress.Cursor ?? "")), expectingInput: true);
        return true;
    }

    /// <summary>The note as typed, with any files the channel attached referenced by name and address.</summary>
    private string? Evidence(StaffTurn staff, string text)
    {
        var parts = new List<string>();
        if (text.Length > 0)
        {
            parts.Add(text);
        }
        foreach (var attachment in staff.Turn.Activity.Attachments ?? [])
        {
            if (attachment.ValueKind != JsonValueKind.Object)
            {
                continue;
            }
            var name = attachment.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            var url = attachment.TryGetProperty("contentUrl", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
            if (name is not null || url is not null)
            {
                parts.Add(texts.Format("self.attachment", ("name", string.Join(" ", new[] { name, url }.OfType<string>()))));
            }
        }
        var note = string.Join("\n", parts);
        return note.Length == 0 ? null : StaffTurn.Clip(note);
    }

    /// <summary>On to the next item still to score; a criterion left behind gets its subtotal and the projection.</summary>
    private async Task MoveOnAsync(StaffTurn staff, StaffProgress progress, Draft draft, CancellationToken cancellationToken, bool ask = true)
    {
        var from = progress.Cursor is { } current ? Rubric.CriterionOf(Rubric.Find(current)!) : null;
        progress.Cursor = walk.Next(progress.Cursor, draft.Items.ContainsKey, progress.Skipped);
        var to = progress.Cursor is { } next ? Rubric.CriterionOf(Rubric.Find(next)!) : null;
        if (from is not null && from != to)
        {
            var b = rules.Assessment.Compute(draft.Items, null);
            var criterion = b.Criteria.First(c => c.Id == from.Id);
            staff.Turn.Say(texts.Format("self.criterionDone", ("no", CriterionNumber(from)), ("score", VietnameseFormat.Points(criterion.Self)), ("max", VietnameseFormat.Points(criterion.Max)))
                + "\n" + await projection.DescribeAsync(progress.CommuneId, progress.Year, draft.Items, cancellationToken));
        }
        if (progress.Cursor is null)
        {
            await ReviewAsync(staff, progress, draft, cancellationToken);
            return;
        }
        if (ask)
        {
            Ask(staff, progress, draft);
        }
    }

    private void JumpTo(StaffTurn staff, StaffProgress progress, Draft draft, JumpResult jump, string text)
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

    private void GoBack(StaffTurn staff, StaffProgress progress, Draft draft)
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

    private void Ask(StaffTurn staff, StaffProgress progress, Draft draft)
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
            ("current", current), ("criterionNo", CriterionNumber(criterion)), ("criterionScore", VietnameseFormat.Points(b.Criteria.First(c => c.Id == criterion.Id).Self)),
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

    private async Task ReviewAsync(StaffTurn staff, StaffProgress progress, Draft draft, CancellationToken cancellationToken)
    {
        progress.Awaiting = StaffAwaiting.Review;
        progress.Cursor = null;
        var b = rules.Assessment.Compute(draft.Items, null);
        var lines = new List<string> { texts.Format("self.reviewHeader", ("commune", progress.CommuneName), ("year", progress.Year)) };
        foreach (var criterion in Rubric.Criteria)
        {
            var score = b.Criteria.First(c => c.Id == criterion.Id);
            lines.Add(texts.Format("self.reviewCriterion", ("no", CriterionNumber(criterion)), ("score", VietnameseFormat.Points(score.Self)), ("max", VietnameseFormat.Points(criterion.Max))));
            foreach (var leaf in Rubric.Leaves.Where(l => Rubric.CriterionOf(l) == criterion))
            {
                lines.Add(texts.Format("self.reviewLine", ("id", leaf.Id), ("max", VietnameseFormat.Points(leaf.Max)),
                    ("score", draft.Items.TryGetValue(leaf.Id, out var value) ? VietnameseFormat.Points(value) : texts.Text("self.reviewNone")),
                    ("evidence", draft.Evidence.ContainsKey(leaf.Id) ? texts.Text("self.reviewEvidence") : "")));
            }
        }
        staff.Turn.Say(string.Join("\n", lines));
        var missing = rules.Assessment.MissingLeaves(draft.Items);
        if (missing.Count > 0)
        {
            staff.Turn.Say(texts.Format("self.unscored", ("count", missing.Count), ("items", MissingList(missing)), ("first", missing[0].Id)));
        }
        staff.Turn.Say(await projection.DescribeAsync(progress.CommuneId, progress.Year, draft.Items, cancellationToken) + "\n" + texts.Text("self.reviewHint"),
            [CardAction.ImBack(Capitalised(texts.Submit.Canonical))], expectingInput: true);
    }

    private void AskToSubmit(StaffTurn staff, StaffProgress progress, Draft draft)
    {
        var missing = rules.Assessment.MissingLeaves(draft.Items);
        if (missing.Count > 0)
        {
            staff.Turn.Say(texts.Format("self.submitMissing", ("count", missing.Count), ("items", MissingList(missing))) + "\n" +
                texts.Format("self.unscored", ("count", missing.Count), ("items", MissingList(missing)), ("first", missing[0].Id)));
            return;
        }
        if (IsLate(staff, progress.Year))
        {
            staff.Turn.Say(texts.Format("self.late", ("year", progress.Year), ("deadline", Deadline(progress.Year))));
            return;
        }
        progress.Awaiting = StaffAwaiting.Confirm;
        staff.Turn.Say(texts.Text("self.confirmSubmit"),
            [CardAction.ImBack(Capitalised(texts.Confirm.Canonical)), CardAction.ImBack(Capitalised(common.Back.Canonical))], expectingInput: true);
    }

    private async Task ConfirmAsync(StaffTurn staff, StaffProgress progress, Draft draft, string key, CancellationToken cancellationToken)
    {
        progress.Awaiting = StaffAwaiting.Review;
        if (!texts.Confirm.Matches(key) && !common.Accept.Matches(key))
        {
            staff.Turn.Say(texts.Text("self.notSubmitted"));
            return;
        }
        if (IsLate(staff, progress.Year))
        {
            staff.Turn.Say(texts.Format("self.late", ("year", progress.Year), ("deadline", Deadline(progress.Year))));
            return;
        }
        if (await SaveAsync(staff, progress, draft, final: true, cancellationToken))
        {
            var b = rules.Assessment.Compute(draft.Items, null);
            staff.Turn.Say(texts.Format("self.submitted", ("commune", progress.CommuneName), ("year", progress.Year), ("b", VietnameseFormat.Points(b.Self))));
            staff.EndDialog();
        }
    }

    /// <summary>
    /// Saves the whole draft. If the core cannot be reached the scores stay in the conversation
    /// and go with the next save; a refusal is shown as the core explained it.
    /// </summary>
    private async Task<bool> SaveAsync(StaffTurn staff, StaffProgress progress, Draft draft, bool final, CancellationToken cancellationToken)
    {
        var saved = await core.SaveSelfAssessmentAsync(progress.CommuneId, progress.Year,
            new SelfAssessmentRequest(draft.Items, draft.Evidence.AsNullableValues(), staff.Signature, final), cancellationToken);
        switch (saved.Outcome)
        {
            case CoreOutcome.Ok:
                progress.UnsavedScores.Clear();
                progress.UnsavedNotes.Clear();
                return true;
            case CoreOutcome.Refused when saved.Status == 409 && final:
                staff.Turn.Say(texts.Format("self.late", ("year", progress.Year), ("deadline", Deadline(progress.Year))));
                return false;
            case CoreOutcome.Refused:
                staff.Turn.Say(texts.Format("staff.coreRefused", ("detail", saved.Detail)));
                return false;
            default:
                staff.Turn.Say(texts.Text(final ? "staff.coreDown" : "self.unsaved"));
                return false;
        }
    }

    /// <summary>The draft in the core, with whatever this conversation has not managed to save yet on top.</summary>
    private async Task<Draft?> LoadAsync(StaffProgress progress, CancellationToken cancellationToken)
    {
        var stored = await core.GetAssessmentAsync(progress.CommuneId, progress.Year, cancellationToken);
        if (!stored.Ok)
        {
            return null;
        }
        var self = stored.Value!.Self;
        var items = new Dictionary<string, decimal>(self?.Items ?? new Dictionary<string, decimal>(), StringComparer.Ordinal);
        var evidence = new Dictionary<string, string>(self?.Evidence ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        if (self?.Final != true)
        {
            foreach (var (id, value) in progress.UnsavedScores)
            {
                items[id] = value;
            }
            foreach (var (id, note) in progress.UnsavedNotes)
            {
                evidence[id] = note;
            }
        }
        return new Draft(items, evidence, self?.Final == true);
    }

    private void SayAlreadySubmitted(StaffTurn staff, StaffProgress progress, Draft draft)
    {
        var b = rules.Assessment.Compute(draft.Items, null);
        staff.Turn.Say(texts.Format("self.alreadySubmitted", ("commune", progress.CommuneName), ("year", progress.Year), ("b", VietnameseFormat.Points(b.Self))));
        staff.EndDialog();
    }

    private bool IsLate(StaffTurn staff, int year) => staff.Turn.Now >= rules.Calendar.SelfAssessmentDeadline(year);

    private string Deadline(int year) => VietnameseFormat.Date(rules.Calendar.SelfAssessmentDeadline(year));

    private int CriterionNumber(RubricItem criterion) => Rubric.Criteria.ToList().IndexOf(criterion) + 1;

    private static string MissingList(IReadOnlyList<RubricItem> missing) =>
        string.Join(", ", missing.Take(MissingListed).Select(m => m.Id)) + (missing.Count > MissingListed ? ", …" : "");

    private static string Capitalised(string word) => word.Length == 0 ? word : char.ToUpper(word[0], CultureInfo.GetCultureInfo("vi-VN")) + word[1..];

    /// <summary>The self-assessment being worked on: the core's copy with unsaved answers on top.</summary>
    private sealed record Draft(Dictionary<string, decimal> Items, Dictionary<string, string> Evidence, bool Final);
}
