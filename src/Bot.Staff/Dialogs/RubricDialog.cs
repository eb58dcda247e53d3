using Bot.Activities;
using Bot.Dialogs;
using Bot.State;
using Scoring.Scheme;
using Scoring.Text;

namespace Bot.Staff.Dialogs;

/// <summary>
/// The rubric-dialog engine: a walk through the rubric's leaves, one per message, over some work
/// read afresh each turn (a self-assessment draft, an appraisal). The engine owns what every walk
/// shares, in this order: "trợ giúp"; "dừng"; a prompt that takes any message (a confirmation, a
/// reason); the dialog's commands that work anywhere; a jump ("mục 4.3.b", "tiêu chí 4");
/// "quay lại"; a follow-up that commands pass over (an evidence note); the end of the walk; the
/// dialog's commands about the current item; and last, a score. A dialog declares its steps and
/// commands and says how a score is taken, how an item is asked and how the walk ends. Where a note
/// follows a score, the engine also asks whether a line that starts with another score is a correction.
/// </summary>
public abstract class RubricDialog<TFrame, TWork>(RubricWalk walk, StaffTexts texts, BotTexts common) : StaffDialog<TFrame>(texts, common)
    where TFrame : WalkFrame
    where TWork : class
{
    protected delegate Task WorkStep(StaffTurn staff, TFrame progress, TWork work, string text, string key, CancellationToken cancellationToken);

    /// <summary>A step the walk waits on: a prompt takes every message but help and stop; a follow-up lets the walk's commands through.</summary>
    protected sealed record WalkStep(StaffAwaiting Awaiting, bool IsPrompt, WorkStep Handle);

    /// <summary>A command of one dialog ("nộp", "đồng ý"): when it matches the message, and what it does.</summary>
    protected sealed record WalkCommand(Func<TFrame, TWork, string, string, bool> Matches, WorkStep Handle);

    protected RubricWalk Walk => walk;

    protected Rubric Rubric => walk.Rubric;

    /// <summary>"self" or "appraise": the start of the dialog's text keys (help, continue).</summary>
    protected abstract string TextPrefix { get; }

    protected virtual IReadOnlyList<WalkStep> Steps => [];

    /// <summary>Commands that work anywhere in the walk, before a jump is read.</summary>
    protected virtual IReadOnlyList<WalkCommand> Commands => [];

    /// <summary>Commands about the item being asked, read before a score.</summary>
    protected virtual IReadOnlyList<WalkCommand> ItemCommands => [];

    /// <summary>The work as the core holds it with this conversation's unsaved entries on top; null (after saying why, unless <paramref name="text"/> is null for a reprompt) when the walk cannot go on.</summary>
    protected abstract Task<TWork?> LoadAsync(StaffTurn staff, TFrame progress, string? text, CancellationToken cancellationToken);

    protected abstract bool IsDone(TWork work, string leafId);

    /// <summary>Says the item under the cursor; the caller has set the walk to wait for its score.</summary>
    protected abstract void Ask(StaffTurn staff, TFrame progress, TWork work);

    protected abstract Task OnScoreAsync(StaffTurn staff, TFrame progress, TWork work, string text, CancellationToken cancellationToken);

    /// <summary>"dừng": what is unsaved is written, and the dialog ends.</summary>
    protected abstract void Leave(StaffTurn staff, TFrame progress, TWork work);

    /// <summary>No item is left to ask.</summary>
    protected abstract Task WalkEndedAsync(StaffTurn staff, TFrame progress, TWork work, CancellationToken cancellationToken);

    /// <summary>A message that is no command after the walk has ended.</summary>
    protected virtual Task AfterTheEndAsync(StaffTurn staff, TFrame progress, TWork work, CancellationToken cancellationToken) =>
        WalkEndedAsync(staff, progress, work, cancellationToken);

    /// <summary>The walk moved on past the last item of <paramref name="criterion"/>.</summary>
    protected virtual Task CriterionLeftAsync(StaffTurn staff, TFrame progress, TWork work, RubricItem criterion, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public sealed override async Task ContinueAsync(StaffTurn staff, string text, CancellationToken cancellationToken)
    {
        var progress = FrameOf(staff);
        if (await LoadAsync(staff, progress, text, cancellationToken) is not { } work)
        {
            return;
        }
        var key = TextNormalizer.Key(text);
        var step = Steps.FirstOrDefault(s => s.Awaiting == progress.Awaiting);
        if (Common.AsksHelp(text))
        {
            staff.Turn.Say(Texts.Text(TextPrefix + ".help"));
            AskIfWalking(staff, progress, work);
        }
        else if (IsStop(text))
        {
            Leave(staff, progress, work);
        }
        else if (GreetedBack(staff, text))
        {
            // The item asked again from its score (after the walk's end, what any message there gets).
            if (progress.Cursor is null)
            {
                await AfterTheEndAsync(staff, progress, work, cancellationToken);
            }
            else
            {
                AskFromTheScore(staff, progress, work);
            }
        }
        else if (step is { IsPrompt: true })
        {
            await step.Handle(staff, progress, work, text, key, cancellationToken);
        }
        else if (Matching(Commands, progress, work, text, key) is { } command)
        {
            await command.Handle(staff, progress, work, text, key, cancellationToken);
        }
        else if (walk.Jump(text) is { } jump)
        {
            JumpTo(staff, progress, work, jump, text);
        }
        else if (Common.Back.Matches(key) || AsksForThePreviousItem(progress, text, key))
        {
            GoBack(staff, progress, work);
        }
        else if (step is not null)
        {
            await step.Handle(staff, progress, work, text, key, cancellationToken);
        }
        else if (progress.Cursor is null)
        {
            await AfterTheEndAsync(staff, progress, work, cancellationToken);
        }
        else if (Matching(ItemCommands, progress, work, text, key) is { } itemCommand)
        {
            await itemCommand.Handle(staff, progress, work, text, key, cancellationToken);
        }
        else
        {
            await OnScoreAsync(staff, progress, work, text, cancellationToken);
        }
    }

    public sealed override async Task RepromptAsync(StaffTurn staff, CancellationToken cancellationToken)
    {
        var progress = FrameOf(staff);
        if (progress.Cursor is not null && await LoadAsync(staff, progress, null, cancellationToken) is { } work)
        {
            staff.Turn.Say(Texts.Text(TextPrefix + ".continue"));
            AskFromTheScore(staff, progress, work);
        }
    }

    /// <summary>
    /// The item under the cursor asked again, so what comes next is its score, not what the walk waited for before
    /// (evidence, a reason): a score typed then would otherwise be taken as that. Nothing when no item is under it.
    /// </summary>
    private void AskFromTheScore(StaffTurn staff, TFrame progress, TWork work)
    {
        if (progress.Cursor is null)
        {
            return;
        }
        progress.Awaiting = StaffAwaiting.Score;
        progress.PendingScore = null;
        progress.PendingLine = null;
        Ask(staff, progress, work);
    }

    /// <summary>From the first item not yet done; straight to the end when every item is.</summary>
    protected async Task StartWalkAsync(StaffTurn staff, TFrame progress, TWork work, CancellationToken cancellationToken)
    {
        progress.Awaiting = StaffAwaiting.Score;
        progress.Cursor = walk.Next(null, leaf => IsDone(work, leaf), []);
        if (progress.Cursor is null)
        {
            await WalkEndedAsync(staff, progress, work, cancellationToken);
            return;
        }
        Ask(staff, progress, work);
    }

    /// <summary>On to the next item not done or put off; a criterion left behind is told to the dialog.</summary>
    protected async Task MoveOnAsync(StaffTurn staff, TFrame progress, TWork work, CancellationToken cancellationToken, bool ask = true)
    {
        var from = progress.Cursor is { } current ? Rubric.CriterionOf(Rubric.Find(current)!) : null;
        progress.Awaiting = StaffAwaiting.Score;
        progress.Cursor = walk.Next(progress.Cursor, leaf => IsDone(work, leaf), progress.Skipped);
        var to = progress.Cursor is { } next ? Rubric.CriterionOf(Rubric.Find(next)!) : null;
        if (from is not null && from != to)
        {
            await CriterionLeftAsync(staff, progress, work, from, cancellationToken);
        }
        if (progress.Cursor is null)
        {
            await WalkEndedAsync(staff, progress, work, cancellationToken);
            return;
        }
        if (ask)
        {
            Ask(staff, progress, work);
        }
    }

    private void AskIfWalking(StaffTurn staff, TFrame progress, TWork work)
    {
        if (progress.Cursor is not null && progress.Awaiting == StaffAwaiting.Score)
        {
            Ask(staff, progress, work);
        }
    }

    private void JumpTo(StaffTurn staff, TFrame progress, TWork work, JumpResult jump, string text)
    {
        if (jump.LeafId is null)
        {
            staff.Turn.Say(Texts.Format("self.unknownItem", ("text", text), ("count", Rubric.Criteria.Count)));
            return;
        }
        progress.Cursor = jump.LeafId;
        progress.Awaiting = StaffAwaiting.Score;
        progress.PendingScore = null;
        progress.PendingLine = null;
        Ask(staff, progress, work);
    }

    /// <summary>"Tôi chấm sai mục trước" where a score is asked, with no score in it: the person wants the item before, as "quay lại" does.</summary>
    private bool AsksForThePreviousItem(TFrame progress, string text, string key) =>
        progress.Awaiting == StaffAwaiting.Score && progress.Cursor is { } cursor && Texts.PreviousItem.Within(key) && walk.ReadScore(text, cursor) is null;

    private void GoBack(StaffTurn staff, TFrame progress, TWork work)
    {
        var previous = progress.Cursor is { } current ? walk.Previous(current) : Rubric.Leaves[^1].Id;
        if (previous is null)
        {
            staff.Turn.Say(Texts.Text("self.atFirst"));
        }
        else
        {
            progress.Cursor = previous;
        }
        progress.Awaiting = StaffAwaiting.Score;
        progress.PendingScore = null;
        progress.PendingLine = null;
        Ask(staff, progress, work);
    }

    /// <summary>What the person said to "sửa điểm, hay lưu làm …?": the first, the second, or something else.</summary>
    protected enum ScoreOrNote { Neither, Rescore, Note }

    /// <summary>
    /// Where a note was asked (evidence, a reason), a line that begins with another score the item allows ("0,5 vì chưa
    /// đủ") is a correction, or a note that starts with a number: the engine asks which, with <paramref name="question"/>,
    /// rather than keep either guess. False when the line is no such score.
    /// </summary>
    protected bool AskedScoreOrNote(StaffTurn staff, TFrame progress, string text, decimal current, Func<decimal, bool> allowed,
        StaffAwaiting awaiting, string note, Func<decimal, string, string, string> question)
    {
        if (Walk.ReadScore(text, progress.Cursor!) is not { Note: { } reason } other || other.Score == current || !allowed(other.Score))
        {
            return false;
        }
        progress.Awaiting = awaiting;
        progress.PendingLine = StaffTurn.Clip(text);
        staff.Turn.Say(question(other.Score, reason, progress.PendingLine), [.. StaffChoices.ScoreOrNote(Texts, note).Select(o => CardAction.ImBack(o.Label))], expectingInput: true);
        return true;
    }

    /// <summary>The answer to <see cref="AskedScoreOrNote"/>, with the line it was about and the score given before it; for either option the walk waits for a score again.</summary>
    protected (ScoreOrNote Choice, string Line, decimal? Pending) TakeScoreOrNote(TFrame progress, string key, string note)
    {
        var (line, pending) = (progress.PendingLine, progress.PendingScore);
        progress.PendingLine = null;
        var code = line is null ? null : StaffChoices.Read(Texts, StaffChoices.ScoreOrNote(Texts, note), key)?.Code;
        if (code is null)
        {
            return (ScoreOrNote.Neither, "", pending);
        }
        progress.Awaiting = StaffAwaiting.Score;
        progress.PendingScore = null;
        return (code == "rescore" ? ScoreOrNote.Rescore : ScoreOrNote.Note, line!, pending);
    }

    private static WalkCommand? Matching(IReadOnlyList<WalkCommand> commands, TFrame progress, TWork work, string text, string key) =>
        commands.FirstOrDefault(c => c.Matches(progress, work, text, key));
}
