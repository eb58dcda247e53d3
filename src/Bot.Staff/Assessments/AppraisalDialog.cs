using Bot.Activities;
using Bot.CoreClient;
using Bot.Dialogs;
using Bot.State;
using Scoring.Rules;
using Scoring.Scheme;
using Scoring.Text;
using ScoringCore.Contracts;

namespace Bot.Staff.Assessments;

/// <summary>
/// "thẩm định &lt;xã&gt;": walks a submitted self-assessment item by item with its evidence; the
/// appraiser keeps the commune's score or gives another with a reason (required for every
/// change). Each answer is written to the scoring core after its turn is saved; until the core
/// has it, it is kept beside the dialog (<see cref="UnsavedAssessment"/>).
/// </summary>
public sealed class AppraisalDialog(ScoringRules rules, ScoringCoreClient core, AppraisalWrites writes, StaffTexts texts, BotTexts common, RubricWalk walk)
{
    private Rubric Rubric => rules.Scheme.Rubric;

    public async Task BeginAsync(StaffTurn staff, string communeText, CancellationToken cancellationToken)
    {
        if (communeText.Length == 0)
        {
            staff.Turn.Say(texts.Format("staff.needCommune", ("command", texts.Appraise.Canonical)));
            return;
        }
        if (UnitLookup.One(staff, texts, communeText, communesOnly: true, texts.Appraise.Canonical) is not { } commune)
        {
            return;
        }
        var progress = new StaffProgress { Mode = StaffMode.Appraisal, CommuneId = commune.Id!, CommuneName = commune.Name!, Year = staff.Year };
        if (await LoadAsync(staff, progress, cancellationToken) is not { } work)
        {
            return;
        }
        staff.Turn.State.Phase = Phase.Staff;
        staff.Turn.State.Staff = progress;
        progress.Cursor = walk.Next(null, work.Appraised.ContainsKey, []);
        var b = rules.Assessment.Compute(work.Self.Items, null);
        staff.Turn.Say(texts.Format("appraise.start", ("commune", progress.CommuneName), ("year", progress.Year), ("count", Rubric.Leaves.Count), ("b", VietnameseFormat.Points(b.Self))));
        if (progress.Cursor is null)
        {
            Finish(staff, progress, work);
            return;
        }
        Ask(staff, progress, work);
    }

    public async Task RepromptAsync(StaffTurn staff, CancellationToken cancellationToken)
    {
        var progress = staff.Turn.State.Staff!;
        if (progress.Cursor is not null && await LoadAsync(staff, progress, cancellationToken) is { } work)
        {
            staff.Turn.Say(texts.Text("appraise.continue"));
            Ask(staff, progress, work);
        }
    }

    public async Task ContinueAsync(StaffTurn staff, string text, CancellationToken cancellationToken)
    {
        var progress = staff.Turn.State.Staff!;
        if (await LoadAsync(staff, progress, cancellationToken) is not { } work)
        {
            return;
        }
        var key = TextNormalizer.Key(text);
        if (common.Help.Matches(key))
        {
            staff.Turn.Say(texts.Text("appraise.help"));
            AskIfWalking(staff, progress, work);
        }
        else if (texts.Stop.Matches(key))
        {
            // What an earlier write could not save goes now, so "saved up to here" holds.
            writes.SaveAfterTurn(staff, progress, work);
            staff.Turn.Say(texts.Format("appraise.stopped", ("commune", progress.CommuneName)));
            End(staff);
        }
        else if (progress.Awaiting == StaffAwaiting.Reason)
        {
            await OnReasonAsync(staff, progress, work, text, key, cancellationToken);
        }
        else if (walk.Jump(text) is { } jump)
        {
            if (jump.LeafId is null)
            {
                staff.Turn.Say(texts.Format("self.unknownItem", ("text", text), ("count", Rubric.Criteria.Count)));
                return;
            }
            progress.Cursor = jump.LeafId;
            Ask(staff, progress, work);
        }
        else if (common.Back.Matches(key) && progress.Cursor is { } current)
        {
            progress.Cursor = walk.Previous(current) ?? current;
            Ask(staff, progress, work);
        }
        else if (progress.Cursor is null)
        {
            Finish(staff, progress, work);
        }
        else if (texts.KeepAll.Matches(key))
        {
            foreach (var leaf in Rubric.Leaves.Where(l => !work.Appraised.ContainsKey(l.Id)))
            {
                work.Appraised[leaf.Id] = work.Self.Items.GetValueOrDefault(leaf.Id);
            }
            await SaveThenMoveOnAsync(staff, progress, work, cancellationToken);
        }
        else if (texts.Keep.Matches(key) || common.Accept.Matches(key) || KeepButton(progress, work, text))
        {
            work.Appraised[progress.Cursor] = work.Self.Items.GetValueOrDefault(progress.Cursor);
            work.Reasons.Remove(progress.Cursor);
            await SaveThenMoveOnAsync(staff, progress, work, cancellationToken);
        }
        else
        {
            await OnScoreAsync(staff, progress, work, text, cancellationToken);
        }
    }

    private async Task OnScoreAsync(StaffTurn staff, StaffProgress progress, AppraisalWork work, string text, CancellationToken cancellationToken)
    {
        var leaf = Rubric.Find(progress.Cursor!)!;
        var self = work.Self.Items.GetValueOrDefault(leaf.Id);
        if (RubricWalk.ReadScore(text) is not { } read || rules.Assessment.Check(leaf.Id, read.Score) is not null)
        {
            staff.Turn.Say(texts.Format("appraise.badScore", ("id", leaf.Id), ("allowed", VietnameseFormat.PointsList(rules.Assessment.AllowedValues(leaf))), ("self", VietnameseFormat.Points(self))),
                expectingInput: true);
            return;
        }
        if (read.Score == self)
        {
            work.Appraised[leaf.Id] = self;
            work.Reasons.Remove(leaf.Id);
            await SaveThenMoveOnAsync(staff, progress, work, cancellationToken);
            return;
        }
        if (read.Note is { } reason)
        {
            work.Appraised[leaf.Id] = read.Score;
            work.Reasons[leaf.Id] = reason;
            await SaveThenMoveOnAsync(staff, progress, work, cancellationToken);
            return;
        }
        progress.PendingScore = read.Score;
        progress.Awaiting = StaffAwaiting.Reason;
        staff.Turn.Say(texts.Format("appraise.askReason", ("id", leaf.Id), ("self", VietnameseFormat.Points(self)), ("score", VietnameseFormat.Points(read.Score))), expectingInput: true);
    }

    private async Task OnReasonAsync(StaffTurn staff, StaffProgress progress, AppraisalWork work, string text, string key, CancellationToken cancellationToken)
    {
        var leafId = progress.Cursor!;
        if (common.Back.Matches(key))
        {
            progress.Awaiting = StaffAwaiting.Score;
            progress.PendingScore = null;
            Ask(staff, progress, work);
            return;
        }
        if (key.Length == 0 || common.Skip.Matches(key))
        {
            staff.Turn.Say(texts.Format("appraise.reasonRequired", ("id", leafId)), expectingInput: true);
            return;
        }
        work.Appraised[leafId] = progress.PendingScore!.Value;
        work.Reasons[leafId] = StaffTurn.Clip(text);
        progress.Awaiting = StaffAwaiting.Score;
        progress.PendingScore = null;
        await SaveThenMoveOnAsync(staff, progress, work, cancellationToken);
    }

    private async Task SaveThenMoveOnAsync(StaffTurn staff, StaffProgress progress, AppraisalWork work, CancellationToken cancellationToken)
    {
        writes.SaveAfterTurn(staff, progress, work);
        progress.Cursor = walk.Next(progress.Cursor, work.Appraised.ContainsKey, []);
        if (progress.Cursor is null)
        {
            Finish(staff, progress, work);
            return;
        }
        Ask(staff, progress, work);
    }

    private void Finish(StaffTurn staff, StaffProgress progress, AppraisalWork work)
    {
        writes.SaveAfterTurn(staff, progress, work, finishing: true);
        End(staff);
    }

    private void AskIfWalking(StaffTurn staff, StaffProgress progress, AppraisalWork work)
    {
        if (progress.Cursor is not null && progress.Awaiting == StaffAwaiting.Score)
        {
            Ask(staff, progress, work);
        }
    }

    private void Ask(StaffTurn staff, StaffProgress progress, AppraisalWork work)
    {
        progress.Awaiting = StaffAwaiting.Score;
        var leaf = Rubric.Find(progress.Cursor!)!;
        var self = work.Self.Items.GetValueOrDefault(leaf.Id);
        var current = work.Appraised.TryGetValue(leaf.Id, out var appraised) ? texts.Format("appraise.item.current", ("score", VietnameseFormat.Points(appraised))) : "";
        staff.Turn.Say(texts.Format("appraise.item", ("id", leaf.Id), ("title", leaf.Title), ("max", VietnameseFormat.Points(leaf.Max)), ("self", VietnameseFormat.Points(self)),
                ("evidence", work.Self.Evidence.GetValueOrDefault(leaf.Id) ?? texts.Text("appraise.noEvidence")), ("current", current),
                ("allowed", VietnameseFormat.PointsList(rules.Assessment.AllowedValues(leaf)))),
            [CardAction.ImBack(texts.Format("appraise.button.keep", ("score", VietnameseFormat.Points(self)))), CardAction.ImBack(texts.Text("appraise.button.keepAll"))],
            expectingInput: true);
    }

    /// <summary>The "Đồng ý 1" button's text, typed back.</summary>
    private bool KeepButton(StaffProgress progress, AppraisalWork work, string text) =>
        TextNormalizer.Key(text) == TextNormalizer.Key(texts.Format("appraise.button.keep", ("score", VietnameseFormat.Points(work.Self.Items.GetValueOrDefault(progress.Cursor!)))));

    /// <summary>The commune's submitted self-assessment and the appraisal so far; null (after saying why) when it cannot be appraised.</summary>
    private async Task<AppraisalWork?> LoadAsync(StaffTurn staff, StaffProgress progress, CancellationToken cancellationToken)
    {
        var found = await core.GetAssessmentAsync(progress.CommuneId, progress.Year, cancellationToken);
        if (!found.Ok)
        {
            staff.Turn.Say(texts.Text("staff.coreDown"));
            return null;
        }
        if (found.Value!.Self is not { Final: true } self)
        {
            staff.Turn.Say(texts.Format("appraise.notSubmitted", ("commune", progress.CommuneName), ("year", progress.Year)));
            End(staff);
            return null;
        }
        var stored = found.Value.Appraisal ?? new AppraisalRecord(new Dictionary<string, decimal>(), new Dictionary<string, string>(), "", default);
        var appraised = new Dictionary<string, decimal>(stored.Items, StringComparer.Ordinal);
        var reasons = new Dictionary<string, string>(stored.Reasons, StringComparer.Ordinal);
        staff.Turn.State.SettleUnsaved(StaffMode.Appraisal, progress.CommuneId, progress.Year, appraised, reasons);
        return new AppraisalWork(self, stored, appraised, reasons);
    }

    private static void End(StaffTurn staff)
    {
        if (staff.Turn.State.Staff is { Mode: StaffMode.Appraisal })
        {
            staff.EndDialog();
        }
    }
}
