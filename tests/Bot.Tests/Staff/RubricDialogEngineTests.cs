using Bot.Activities;
using Bot.Dialogs;
using Bot.Staff;
using Bot.Staff.Dialogs;
using Bot.State;
using Bot.Turns;
using Bot.Units;
using Scoring.Loading;
using Scoring.Scheme;

namespace Bot.Tests.Staff;

/// <summary>
/// The rubric-dialog engine on its own, over the scheme's real rubric and texts, with a walk that
/// records which of its parts each message reached: no Redis, no scoring core, no host.
/// </summary>
public sealed class RubricDialogEngineTests
{
    private static readonly SchemeDefinition Scheme = SchemeLoader.Load();
    private static readonly BotTexts Common = new(Scheme.Texts);
    private static readonly StaffTexts Texts = new(Common);
    private static readonly Rubric Rubric = Scheme.Rubric;

    private readonly RecordingWalk _walk = new(new RubricWalk(Rubric, Texts), Texts, Common);
    private readonly ConversationData _state = new();

    private SelfScoringFrame Frame => Assert.IsType<SelfScoringFrame>(_state.Staff);

    private static string First => Rubric.Leaves[0].Id;
    private static string Second => Rubric.Leaves[1].Id;

    /// <summary>A walk whose work is the set of leaves done; every hook writes what reached it.</summary>
    private sealed class RecordingWalk(RubricWalk walk, StaffTexts texts, BotTexts common) : RubricDialog<SelfScoringFrame, HashSet<string>>(walk, texts, common)
    {
        public HashSet<string> Leaves { get; } = [];

        public List<string> Log { get; } = [];

        public override IReadOnlyList<StaffCommandKind> BegunBy { get; } = [StaffCommandKind.SelfScore];

        protected override string TextPrefix => "self";

        protected override IReadOnlyList<WalkStep> Steps =>
        [
            new(StaffAwaiting.Confirm, IsPrompt: true, (_, progress, _, text, _, _) => Record($"prompt:{text}", () => progress.Awaiting = StaffAwaiting.Score)),
            new(StaffAwaiting.Evidence, IsPrompt: false, (staff, progress, done, text, _, cancellationToken) =>
            {
                // The item's score is 1 here; 0 and 0,5 are the others it allows.
                if (AskedScoreOrNote(staff, progress, text, 1, score => score is 0 or 0.5m, StaffAwaiting.ScoreOrEvidence, "asEvidence", (other, note, line) => $"{other.ToString(System.Globalization.CultureInfo.InvariantCulture)}|{note}|{line}"))
                {
                    return Record("asked");
                }
                Log.Add($"followUp:{text}");
                return MoveOnAsync(staff, progress, done, cancellationToken);
            }),
            new(StaffAwaiting.ScoreOrEvidence, IsPrompt: false, (_, progress, _, _, key, _) =>
            {
                var (choice, line, pending) = TakeScoreOrNote(progress, key, "asEvidence");
                return Record($"took:{choice}:{line}:{pending}");
            }),
        ];

        protected override IReadOnlyList<WalkCommand> Commands => [new((_, _, _, key) => key == "nop", (_, _, _, _, _, _) => Record("command:nộp"))];

        protected override IReadOnlyList<WalkCommand> ItemCommands =>
        [
            new((_, _, _, key) => key == "bo qua", (staff, progress, done, _, _, cancellationToken) =>
            {
                Log.Add("item:bỏ qua");
                progress.Skipped.Add(progress.Cursor!);
                return MoveOnAsync(staff, progress, done, cancellationToken);
            }),
        ];

        public Task BeginAsync(StaffTurn staff, SelfScoringFrame progress, CancellationToken cancellationToken)
        {
            staff.BeginDialog(progress);
            return StartWalkAsync(staff, progress, Leaves, cancellationToken);
        }

        protected override Task<HashSet<string>?> LoadAsync(StaffTurn staff, SelfScoringFrame progress, string? text, CancellationToken cancellationToken) =>
            Task.FromResult<HashSet<string>?>(Leaves);

        protected override bool IsDone(HashSet<string> done, string leafId) => done.Contains(leafId);

        protected override void Ask(StaffTurn staff, SelfScoringFrame progress, HashSet<string> done) => Log.Add($"ask:{progress.Cursor}");

        protected override Task OnScoreAsync(StaffTurn staff, SelfScoringFrame progress, HashSet<string> done, string text, CancellationToken cancellationToken)
        {
            Log.Add($"score:{text}");
            done.Add(progress.Cursor!);
            return MoveOnAsync(staff, progress, done, cancellationToken);
        }

        protected override void Leave(StaffTurn staff, SelfScoringFrame progress, HashSet<string> done)
        {
            Log.Add("leave");
            staff.EndDialog();
        }

        protected override Task WalkEndedAsync(StaffTurn staff, SelfScoringFrame progress, HashSet<string> done, CancellationToken cancellationToken) => Record("ended");

        protected override Task AfterTheEndAsync(StaffTurn staff, SelfScoringFrame progress, HashSet<string> done, CancellationToken cancellationToken) => Record("afterTheEnd");

        protected override Task CriterionLeftAsync(StaffTurn staff, SelfScoringFrame progress, HashSet<string> done, RubricItem criterion, CancellationToken cancellationToken) =>
            Record($"left:{criterion.Id}");

        private Task Record(string entry, Action? then = null)
        {
            Log.Add(entry);
            then?.Invoke();
            return Task.CompletedTask;
        }
    }

    private StaffTurn Turn(string text) =>
        new(new TurnContext(new Activity { Type = ActivityTypes.Message, Text = text, ChannelId = "webchat" }, _state, DateTimeOffset.UnixEpoch) { Text = text },
            person: null, new UnitTree([]), 2026);

    private async Task<StaffTurn> BeginAsync()
    {
        var staff = Turn("tự chấm điểm");
        await _walk.BeginAsync(staff, new SelfScoringFrame { CommuneId = "cam-vu", CommuneName = "Xã Cẩm Vũ", Year = 2026 }, default);
        return staff;
    }

    private async Task<StaffTurn> SendAsync(string text)
    {
        var staff = Turn(text);
        await _walk.ContinueAsync(staff, text, default);
        return staff;
    }

    [Fact]
    public async Task TheWalk_StartsAtTheFirstLeafNotDone_AndAScoreMovesOn()
    {
        _walk.Leaves.Add(First);

        await BeginAsync();
        await SendAsync("1");

        Assert.Equal([$"ask:{Second}", "score:1", $"ask:{Rubric.Leaves[2].Id}"], _walk.Log);
    }

    [Fact]
    public async Task APrompt_TakesWhatWouldBeAJumpOrACommand_ButNotHelpOrStop()
    {
        await BeginAsync();
        _state.Staff!.Awaiting = StaffAwaiting.Confirm;

        await SendAsync("mục 2.1");
        _state.Staff!.Awaiting = StaffAwaiting.Confirm;
        await SendAsync("nộp");
        _state.Staff!.Awaiting = StaffAwaiting.Confirm;
        var help = await SendAsync("trợ giúp");
        await SendAsync("dừng");

        Assert.Equal([$"ask:{First}", "prompt:mục 2.1", "prompt:nộp", "leave"], _walk.Log);
        Assert.Equal(Texts.Text("self.help"), Assert.Single(help.Turn.Replies).Text);
        Assert.Equal(Phase.Idle, _state.Phase);
    }

    [Fact]
    public async Task AFollowUp_LetsTheWalksCommandsThrough_AndTakesTheRest()
    {
        await BeginAsync();
        var index = Rubric.Leaves.ToList().FindIndex(l => l != Rubric.Leaves[0] && l.Id.Any(char.IsLetter));
        var (target, after) = (Rubric.Leaves[index], Rubric.Leaves[index + 1]);
        _state.Staff!.Awaiting = StaffAwaiting.Evidence;

        await SendAsync("nộp");
        await SendAsync("mục " + target.Id);
        _state.Staff!.Awaiting = StaffAwaiting.Evidence;
        await SendAsync("Biên bản số 12");

        Assert.Equal([$"ask:{First}", "command:nộp", $"ask:{target.Id}", "followUp:Biên bản số 12", $"ask:{after.Id}"], _walk.Log);
    }

    [Fact]
    public async Task ANoteStartingWithAnotherAllowedScore_IsAskedAbout_AndTheAnswerHandsBackTheLine()
    {
        await BeginAsync();
        Frame.Awaiting = StaffAwaiting.Evidence;
        Frame.PendingScore = 1;

        var asked = await SendAsync("0,5 vì chưa đủ");
        var awaitingThen = Frame.Awaiting;
        var kept = Frame.PendingLine;
        await SendAsync("dạ sửa điểm ạ");
        Frame.Awaiting = StaffAwaiting.Evidence;
        await SendAsync("1 - Biên bản số 12"); // the same score: the evidence, as typed
        Frame.Awaiting = StaffAwaiting.Evidence;
        await SendAsync("2 biên bản họp"); // a score the item does not allow: the evidence
        Frame.Awaiting = StaffAwaiting.Evidence;
        await SendAsync("0 chưa có");
        await SendAsync("2"); // the second option, by its number
        Frame.Awaiting = StaffAwaiting.Evidence;
        await SendAsync("0 chưa có");
        await SendAsync("Biên bản số 7"); // neither option

        Assert.Equal("0.5|vì chưa đủ|0,5 vì chưa đủ", asked.Turn.Replies.Single().Text);
        Assert.Equal(["Sửa điểm", "Lưu làm kiểm chứng"], asked.Turn.Replies.Single().SuggestedActions!.Actions.Select(a => a.Title));
        Assert.Equal(StaffAwaiting.ScoreOrEvidence, awaitingThen);
        Assert.Equal("0,5 vì chưa đủ", kept);
        Assert.Equal(
            [$"ask:{First}", "asked", "took:Rescore:0,5 vì chưa đủ:1", "followUp:1 - Biên bản số 12", $"ask:{Second}",
             "followUp:2 biên bản họp", $"ask:{Rubric.Leaves[2].Id}", "asked", "took:Note:0 chưa có:", "asked", "took:Neither::"],
            _walk.Log);
        Assert.Null(Frame.PendingLine);
    }

    [Fact]
    public async Task AReprompt_AsksTheItemAgain_AndItsAnswerIsTheItemsScore()
    {
        await BeginAsync();
        Frame.Awaiting = StaffAwaiting.Evidence;
        Frame.PendingScore = 2;

        // A short dialog begun over the walk has ended: the walk says where it was.
        var handedBack = Turn("hủy");
        await _walk.RepromptAsync(handedBack, default);
        await SendAsync("1");

        Assert.Equal(Texts.Text("self.continue"), handedBack.Turn.Replies[0].Text);
        Assert.Equal([$"ask:{First}", $"ask:{First}", "score:1", $"ask:{Second}"], _walk.Log);
        Assert.Null(Frame.PendingScore);
    }

    [Fact]
    public async Task Back_GoesToThePreviousLeaf_AndSaysSoAtTheFirst()
    {
        await BeginAsync();
        var atFirst = await SendAsync("quay lại");
        await SendAsync("mục " + Second);
        await SendAsync("quay lại");

        Assert.Equal(Texts.Text("self.atFirst"), Assert.Single(atFirst.Turn.Replies).Text);
        Assert.Equal([$"ask:{First}", $"ask:{First}", $"ask:{Second}", $"ask:{First}"], _walk.Log);
    }

    [Theory]
    [InlineData("tôi chấm sai mục trước")]
    [InlineData("cho sửa lại mục vừa chấm ạ")]
    public async Task ThePreviousItemAskedForInASentence_GoesBack_UnlessTheSentenceHasAScore(string typed)
    {
        await BeginAsync();
        await SendAsync("1");
        await SendAsync(typed);
        await SendAsync("1 mục trước có biên bản");

        Assert.Equal([$"ask:{First}", "score:1", $"ask:{Second}", $"ask:{First}", "score:1 mục trước có biên bản", $"ask:{Second}"], _walk.Log);
    }

    [Fact]
    public async Task AJumpToNothing_IsSaid_AndTheCursorStays()
    {
        await BeginAsync();
        var unknown = await SendAsync("tiêu chí 99");

        Assert.Contains("tiêu chí 99", Assert.Single(unknown.Turn.Replies).Text, StringComparison.Ordinal);
        Assert.Equal(First, Frame.Cursor);
    }

    [Fact]
    public async Task LeavingACriterion_IsTold_ASkippedLeafIsNotAskedAgain_AndTheEndIsReached()
    {
        var firstCriterion = Rubric.CriterionOf(Rubric.Leaves[0]);
        var inFirst = Rubric.Leaves.TakeWhile(l => Rubric.CriterionOf(l) == firstCriterion).ToList();
        Assert.True(inFirst.Count > 1, "the scheme's first criterion has several leaves");
        foreach (var leaf in Rubric.Leaves.Skip(inFirst.Count))
        {
            _walk.Leaves.Add(leaf.Id);
        }
        await BeginAsync();

        await SendAsync("bỏ qua");
        for (var i = 1; i < inFirst.Count; i++)
        {
            await SendAsync("1");
        }
        await SendAsync("xin chào");

        Assert.Equal(["ask:" + inFirst[0].Id, "item:bỏ qua", "ask:" + inFirst[1].Id], _walk.Log[..3]);
        Assert.Equal(["score:1", $"left:{firstCriterion.Id}", "ended", "afterTheEnd"], _walk.Log[^4..]);
        Assert.Equal(inFirst.Count - 1, _walk.Log.Count(e => e == "score:1"));
        Assert.Null(Frame.Cursor);
    }
}
