using Bot.Activities;
using Bot.CoreClient;
using Bot.Dialogs;
using Bot.Staff.Dialogs;
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
/// has it, it is kept beside the dialog (<see cref="UnsavedAssessment"/>). Started again once finished, it
/// opens past its last item, so one score can be corrected before the year is decided.
/// </summary>
public sealed class AppraisalDialog(ScoringRules rules, ScoringCoreClient core, AppraisalWrites writes, StaffTexts texts, BotTexts common, RubricWalk walk)
    : RubricDialog<AppraisalFrame, AppraisalWork>(walk, texts, common)
{
    public override IReadOnlyList<StaffCommandKind> BegunBy { get; } = [StaffCommandKind.Appraise];

    protected override string TextPrefix => "appraise";

    protected override IReadOnlyList<WalkStep> Steps =>
    [
        new(StaffAwaiting.Reason, IsPrompt: true, OnReasonAsync),
        new(StaffAwaiting.ScoreOrReason, IsPrompt: true, OnScoreOrReasonAsync),
    ];

    protected override IReadOnlyList<WalkCommand> Commands =>
    [
        new((_, _, _, key) => Texts.Review.Matches(key), ReviewAsync),
    ];

    protected override IReadOnlyList<WalkCommand> ItemCommands =>
    [
        new((_, _, _, key) => Texts.KeepAll.Matches(key), KeepAllAsync),
        // A yes keeps the commune's score; a number is the appraiser's own, though "1" is also a yes at a survey's consent.
        new((progress, work, text, key) => (Texts.Keep.Matches(key) || Common.Accept.Matches(key)) && Walk.ReadScore(text) is null || KeepButton(progress, work, text), KeepAsync),
    ];

    public async Task BeginAsync(StaffTurn staff, string communeText, CancellationToken cancellationToken)
    {
        if (UnitLookup.Commune(staff, Texts, communeText, Texts.Appraise.Canonical) is not { } commune)
        {
            return;
        }
        var progress = new AppraisalFrame { CommuneId = commune.Id!, CommuneName = commune.Name!, Year = staff.Year };
        if (await LoadAsync(staff, progress, "", cancellationToken) is not { } work)
        {
            return;
        }
        if (Rubric.Leaves.All(l => work.Stored.Items.ContainsKey(l.Id)))
        {
            await ReopenAsync(staff, progress, work, cancellationToken);
            return;
        }
        staff.BeginDialog(progress);
        var b = rules.Assessment.Compute(work.Self.Items, null);
        staff.Turn.Say(Texts.Format("appraise.start", ("commune", progress.CommuneName), ("year", progress.Year), ("count", Rubric.Leaves.Count), ("b", VietnameseFormat.Points(b.Self))));
        await StartWalkAsync(staff, progress, work, cancellationToken);
    }

    /// <summary>
    /// The core holds a finished appraisal: it is said with its totals, and the dialog stays open past its
    /// last item, so "mục 1.1.a" corrects one score (the walk then ends again with the new totals) until
    /// the year is decided. Without this, starting again only repeated "đã thẩm định xong".
    /// </summary>
    private async Task ReopenAsync(StaffTurn staff, AppraisalFrame progress, AppraisalWork work, CancellationToken cancellationToken)
    {
        var card = await core.GetScorecardAsync(progress.CommuneId, progress.Year, cancellationToken);
        if (!card.Ok)
        {
            staff.Turn.Say(Texts.CoreFailure(card));
            return;
        }
        (string, object?)[] standing = [("commune", progress.CommuneName), ("year", progress.Year), ("total", VietnameseFormat.Points(card.Value!.Total)), ("level", card.Value.LevelName)];
        if (ResultStatuses.IsClosed(card.Value.Status))
        {
            staff.Turn.Say(Texts.Format("appraise.closed", [.. standing, ("status", Texts.Text("status." + card.Value.Status))]));
            return;
        }
        staff.BeginDialog(progress);
        progress.Awaiting = StaffAwaiting.Score;
        // What an earlier write could not save goes now.
        writes.SaveAfterTurn(staff, progress, work);
        var b = rules.Assessment.Compute(work.Self.Items, work.Appraised);
        staff.Turn.Say(Texts.Format("appraise.finished", [.. standing, ("self", VietnameseFormat.Points(b.Self)), ("appraised", VietnameseFormat.Points(b.Final))]));
    }

    protected override bool IsDone(AppraisalWork work, string leafId) => work.Appraised.ContainsKey(leafId);

    protected override void Leave(StaffTurn staff, AppraisalFrame progress, AppraisalWork work)
    {
        // What an earlier write could not save goes now, so "saved up to here" holds.
        writes.SaveAfterTurn(staff, progress, work);
        staff.Turn.Say(Texts.Format("appraise.stopped", ("commune", progress.CommuneName)));
        End(staff);
    }

    protected override Task WalkEndedAsync(StaffTurn staff, AppraisalFrame progress, AppraisalWork work, CancellationToken cancellationToken)
    {
        writes.SaveAfterTurn(staff, progress, work, finishing: true);
        End(staff);
        return Task.CompletedTask;
    }

    /// <summary>
    /// "xem lại": how far the appraisal has gone, B as the commune scored it and as it stands now (items not
    /// yet looked at count as self-scored), and every score changed with its reason; then the item again.
    /// </summary>
    private Task ReviewAsync(StaffTurn staff, AppraisalFrame progress, AppraisalWork work, string text, string key, CancellationToken cancellationToken)
    {
        var b = rules.Assessment.Compute(work.Self.Items, work.Appraised);
        var changed = Rubric.Leaves.Where(l => work.Appraised.TryGetValue(l.Id, out var score) && score != work.Self.Items.GetValueOrDefault(l.Id)).ToList();
        List<string> lines =
        [
            Texts.Format("appraise.review", ("commune", progress.CommuneName), ("year", progress.Year), ("done", Rubric.Leaves.Count(l => IsDone(work, l.Id))),
                ("total", Rubric.Leaves.Count), ("self", VietnameseFormat.Points(b.Self)), ("appraised", VietnameseFormat.Points(b.Final))),
            changed.Count == 0 ? Texts.Text("appraise.reviewNoChange") : Texts.Format("appraise.reviewChanges", ("count", changed.Count)),
            .. changed.Select(l => Texts.Format("appraise.reviewLine", ("id", l.Id), ("self", VietnameseFormat.Points(work.Self.Items.GetValueOrDefault(l.Id))),
                ("score", VietnameseFormat.Points(work.Appraised[l.Id])), ("reason", work.Reasons.GetValueOrDefault(l.Id) ?? ""))),
        ];
        staff.Turn.Say(string.Join("\n", lines));
        if (progress.Cursor is not null)
        {
            staff.Turn.Say(Texts.Text("appraise.continue"));
            Ask(staff, progress, work);
        }
        return Task.CompletedTask;
    }

    private Task KeepAllAsync(StaffTurn staff, AppraisalFrame progress, AppraisalWork work, string text, string key, CancellationToken cancellationToken)
    {
        foreach (var leaf in Rubric.Leaves.Where(l => !work.Appraised.ContainsKey(l.Id)))
        {
            work.Appraised[leaf.Id] = work.Self.Items.GetValueOrDefault(leaf.Id);
        }
        return SaveThenMoveOnAsync(staff, progress, work, cancellationToken);
    }

    private Task KeepAsync(StaffTurn staff, AppraisalFrame progress, AppraisalWork work, string text, string key, CancellationToken cancellationToken)
    {
        work.Appraised[progress.Cursor!] = work.Self.Items.GetValueOrDefault(progress.Cursor!);
        work.Reasons.Remove(progress.Cursor!);
        return SaveThenMoveOnAsync(staff, progress, work, cancellationToken);
    }

    protected override async Task OnScoreAsync(StaffTurn staff, AppraisalFrame progress, AppraisalWork work, string text, CancellationToken cancellationToken)
    {
        var leaf = Rubric.Find(progress.Cursor!)!;
        var self = work.Self.Items.GetValueOrDefault(leaf.Id);
        if (Walk.ReadScore(text, leaf.Id) is not { } read || rules.Assessment.Check(leaf.Id, read.Score) is not null)
        {
            staff.Turn.Say(Texts.Format("appraise.badScore", ("id", leaf.Id), ("allowed", VietnameseFormat.PointsList(rules.Assessment.AllowedValues(leaf))), ("self", VietnameseFormat.Points(self))),
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
            await ChangeAsync(staff, progress, work, leaf.Id, read.Score, reason, cancellationToken);
            return;
        }
        progress.PendingScore = read.Score;
        progress.Awaiting = StaffAwaiting.Reason;
        staff.Turn.Say(Texts.Format("appraise.askReason", ("id", leaf.Id), ("self", VietnameseFormat.Points(self)), ("score", VietnameseFormat.Points(read.Score))), expectingInput: true);
    }

    private async Task OnReasonAsync(StaffTurn staff, AppraisalFrame progress, AppraisalWork work, string text, string key, CancellationToken cancellationToken)
    {
        var leafId = progress.Cursor!;
        if (Common.Back.Matches(key))
        {
            progress.Awaiting = StaffAwaiting.Score;
            progress.PendingScore = null;
            Ask(staff, progress, work);
            return;
        }
        if (key.Length == 0 || Common.Skip.Matches(key))
        {
            staff.Turn.Say(Texts.Format("appraise.reasonRequired", ("id", leafId)), expectingInput: true);
            return;
        }
        var score = progress.PendingScore!.Value;
        if (AskedScoreOrNote(staff, progress, text, score, other => rules.Assessment.Check(leafId, other) is null, StaffAwaiting.ScoreOrReason, "asReason",
            (other, reason, line) => Texts.Format("appraise.scoreOrReason", ("id", leafId), ("other", VietnameseFormat.Points(other)), ("note", reason),
                ("score", VietnameseFormat.Points(score)), ("text", line))))
        {
            return;
        }
        progress.Awaiting = StaffAwaiting.Score;
        progress.PendingScore = null;
        await ChangeAsync(staff, progress, work, leafId, score, StaffTurn.Clip(text), cancellationToken);
    }

    /// <summary>The answer to "sửa điểm, hay lưu làm lý do?"; anything else is the reason asked for before.</summary>
    private async Task OnScoreOrReasonAsync(StaffTurn staff, AppraisalFrame progress, AppraisalWork work, string text, string key, CancellationToken cancellationToken)
    {
        var (choice, line, pending) = TakeScoreOrNote(progress, key, "asReason");
        if (choice == ScoreOrNote.Rescore)
        {
            await OnScoreAsync(staff, progress, work, line, cancellationToken);
        }
        else if (choice == ScoreOrNote.Note)
        {
            await ChangeAsync(staff, progress, work, progress.Cursor!, pending!.Value, line, cancellationToken);
        }
        else
        {
            progress.Awaiting = StaffAwaiting.Reason;
            await OnReasonAsync(staff, progress, work, text, key, cancellationToken);
        }
    }

    /// <summary>A score other than the commune's, with its reason: said back, so the appraiser sees what was recorded before the next item.</summary>
    private Task ChangeAsync(StaffTurn staff, AppraisalFrame progress, AppraisalWork work, string leafId, decimal score, string reason, CancellationToken cancellationToken)
    {
        work.Appraised[leafId] = score;
        work.Reasons[leafId] = reason;
        staff.Turn.Say(Texts.Format("appraise.changed", ("id", leafId), ("self", VietnameseFormat.Points(work.Self.Items.GetValueOrDefault(leafId))), ("score", VietnameseFormat.Points(score))));
        return SaveThenMoveOnAsync(staff, progress, work, cancellationToken);
    }

    private Task SaveThenMoveOnAsync(StaffTurn staff, AppraisalFrame progress, AppraisalWork work, CancellationToken cancellationToken)
    {
        writes.SaveAfterTurn(staff, progress, work);
        return MoveOnAsync(staff, progress, work, cancellationToken);
    }

    protected override void Ask(StaffTurn staff, AppraisalFrame progress, AppraisalWork work)
    {
        var leaf = Rubric.Find(progress.Cursor!)!;
        var self = work.Self.Items.GetValueOrDefault(leaf.Id);
        var current = work.Appraised.TryGetValue(leaf.Id, out var appraised) ? Texts.Format("appraise.item.current", ("score", VietnameseFormat.Points(appraised))) : "";
        staff.Turn.Say(Texts.Format("appraise.item", ("id", leaf.Id), ("title", leaf.Title), ("max", VietnameseFormat.Points(leaf.Max)), ("self", VietnameseFormat.Points(self)),
                ("evidence", work.Self.Evidence.GetValueOrDefault(leaf.Id) ?? Texts.Text("appraise.noEvidence")), ("current", current),
                ("allowed", VietnameseFormat.PointsList(rules.Assessment.AllowedValues(leaf)))),
            [CardAction.ImBack(Texts.Format("appraise.button.keep", ("score", VietnameseFormat.Points(self)))), CardAction.ImBack(Texts.Text("appraise.button.keepAll"))],
            expectingInput: true);
    }

    /// <summary>The "Đồng ý 1" button's text, typed back.</summary>
    private bool KeepButton(AppraisalFrame progress, AppraisalWork work, string text) =>
        TextNormalizer.Key(text) == TextNormalizer.Key(Texts.Format("appraise.button.keep", ("score", VietnameseFormat.Points(work.Self.Items.GetValueOrDefault(progress.Cursor!)))));

    /// <summary>The commune's submitted self-assessment and the appraisal so far; null (after saying why, even for a reprompt) when it cannot be appraised.</summary>
    protected override async Task<AppraisalWork?> LoadAsync(StaffTurn staff, AppraisalFrame progress, string? text, CancellationToken cancellationToken)
    {
        var found = await core.GetAssessmentAsync(progress.CommuneId, progress.Year, cancellationToken);
        if (!found.Ok)
        {
            staff.Turn.Say(Texts.Text("staff.coreDown"));
            return null;
        }
        if (found.Value!.Self is not { Final: true } self)
        {
            staff.Turn.Say(Texts.Format("appraise.notSubmitted", ("commune", progress.CommuneName), ("year", progress.Year)));
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
        if (staff.Turn.State.Staff is AppraisalFrame)
        {
            staff.EndDialog();
        }
    }
}
