using Bot.Activities;
using Bot.Dialogs;
using Bot.Dialogs.Steps;
using Bot.State;
using Bot.Turns;
using Scoring.Loading;
using Scoring.Scheme;

namespace Bot.Tests.Routing;

/// <summary>
/// The declarative survey engine on its own, over the scheme's real surveys and texts and the six
/// step handlers: each message a turn on one conversation's state, no Redis, no host.
/// </summary>
public sealed class SurveyEngineTests
{
    private static readonly SchemeDefinition Scheme = SchemeLoader.Load();
    private static readonly BotTexts Texts = new(Scheme.Texts);

    private readonly SurveyEngine _engine = new(Scheme, Texts,
        [new MessageStep(), new ConsentStep(), new ChoiceStep(), new TextStep(), new SummaryStep(), new SubmitStep()]);

    private readonly ConversationData _state = new();

    private TurnContext Turn(string text = "") =>
        new(new Activity { Type = ActivityTypes.Message, Text = text, ChannelId = "webchat", From = new ChannelAccount { Id = "u1" } }, _state, DateTimeOffset.UnixEpoch) { Text = text };

    private TurnContext Begin(string survey = "citizen", IReadOnlyDictionary<string, string>? fixedAnswers = null, IReadOnlyDictionary<string, string>? knownAnswers = null)
    {
        var turn = Turn();
        _engine.Begin(turn, Scheme.Surveys[survey], new SurveyTarget("cam-vu", "Xã Cẩm Vũ", 2026, FormOrigin.OpenLink, FixedAnswers: fixedAnswers, KnownAnswers: knownAnswers));
        return turn;
    }

    private TurnContext Say(string text)
    {
        var turn = Turn(text);
        _engine.Continue(turn, text, returning: false);
        return turn;
    }

    [Fact]
    public void AWholeSurvey_CompletesTheFormWithEachAnswersCode_AndLeavesNoDialog()
    {
        var start = Begin();
        Assert.Equal(Phase.Survey, _state.Phase);
        Assert.Contains("5 câu hỏi", string.Join("\n", start.Replies.Select(r => r.Text)), StringComparison.Ordinal);

        Say("đồng ý");
        foreach (var answer in new[] { "Tốt", "Khá", "Trung bình", "Yếu", "Tốt", "bỏ qua", "bỏ qua", "bỏ qua" })
        {
            Say(answer);
        }
        var sent = Say("gửi");

        Assert.Equal(["tot", "kha", "trung-binh", "yeu", "tot"], sent.Completion!.Answers);
        Assert.Equal("cam-vu", sent.Completion.CommuneId);
        Assert.StartsWith("Xin trân trọng cảm ơn", sent.Replies[^1].Text, StringComparison.Ordinal);
        Assert.Equal(Phase.Idle, _state.Phase);
        Assert.Equal("citizen", _state.LastSurvey!.DialogId);
    }

    [Theory]
    [InlineData("vâng ạ")]
    [InlineData("Dạ vâng ạ")]
    [InlineData("ừ")]
    [InlineData("ok nhé")]
    [InlineData("đc")]
    public void AtTheConsent_APoliteOrShortYes_BeginsTheQuestions(string typed)
    {
        Begin();

        var reply = Say(typed);

        Assert.StartsWith("Câu 1/5", reply.Replies[^1].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tạm")]
    [InlineData("tạm tạm ạ")]
    [InlineData("cũng tạm")]
    public void SoSoInAWord_IsAskedBackAsKha_NotToldItWasNotUnderstood(string typed)
    {
        Begin();
        Say("đồng ý");

        var asked = Say(typed);

        Assert.Equal("kha", _state.Survey!.PendingChoice);
        Assert.StartsWith("Ông/Bà chọn “Khá” phải không?", asked.Replies[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAnswerTypedBeforeAgreeing_IsAskedToAgreeFirst_NotToldItWasNotUnderstood()
    {
        Begin();

        var early = Say("Tốt ạ");
        var nonsense = Say("xyz");
        var agreed = Say("đồng ý");

        Assert.StartsWith("Dạ, trước khi trả lời các câu hỏi", early.Replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("5 câu hỏi", early.Replies[^1].Text, StringComparison.Ordinal);
        Assert.StartsWith("Xin lỗi, chúng tôi chưa hiểu", nonsense.Replies[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("Câu 1/5", agreed.Replies[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void APictureOrAVoiceMessage_IsSaidToBeUnreadable_AndTheStepAskedAgain()
    {
        Begin();
        Say("đồng ý");

        var atQuestion = Say("");
        foreach (var answer in new[] { "Tốt", "Khá", "Trung bình", "Yếu", "Tốt" })
        {
            Say(answer);
        }
        var atComment = Say("  ");

        Assert.StartsWith("Dạ, chúng tôi chỉ đọc được chữ", atQuestion.Replies[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("Câu 1/5", atQuestion.Replies[^1].Text, StringComparison.Ordinal);
        Assert.StartsWith("Dạ, chúng tôi chỉ đọc được chữ", atComment.Replies[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("Ông/Bà có góp ý gì thêm", atComment.Replies[^1].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("không ạ", "")]
    [InlineData("Dạ không có gì", "")]
    [InlineData("gửi", "")]
    [InlineData("không có ý kiến gì ạ", "")]
    // A polite no: "no, thank you" declines to comment; a thanks with something in it is a comment.
    [InlineData("không, cảm ơn", "")]
    [InlineData("Dạ thôi, cảm ơn ạ", "")]
    // "Thôi" stops a survey elsewhere; asked for more, it means no more (and the five answers are not lost).
    [InlineData("thôi", "")]
    [InlineData("Dạ thôi ạ", "")]
    [InlineData("Cảm ơn cán bộ xã rất nhiệt tình", "Cảm ơn cán bộ xã rất nhiệt tình")]
    [InlineData("Cán bộ không nhiệt tình", "Cán bộ không nhiệt tình")]
    public void AtTheOptionalComment_NothingToAdd_IsNoComment_AndAnyOtherTextIsKept(string typed, string kept)
    {
        Begin("cadre");
        foreach (var answer in new[] { "đồng ý", "Bí thư chi bộ", "Thôn Đông", "Tốt", "Khá", "Tốt", "Tốt", "Tốt" })
        {
            Say(answer);
        }

        var next = Say(typed);

        Assert.Equal(kept, _state.Survey!.Answers["comment"]);
        Assert.StartsWith("Xin phép Ông/Bà cho biết họ tên", next.Replies[^1].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("không ạ", "Cán bộ nhiệt tình nhưng tôi phải chờ rất lâu mới đến lượt")]
    [InlineData("Nên có thêm ghế ngồi chờ", "Cán bộ nhiệt tình nhưng tôi phải chờ rất lâu mới đến lượt\nNên có thêm ghế ngồi chờ")]
    public void ARemarkAtAQuestion_IsKeptForTheComment_AndTheQuestionAskedAgain(string atComment, string comment)
    {
        Begin();
        Say("đồng ý");

        var remark = Say("Cán bộ nhiệt tình nhưng tôi phải chờ rất lâu mới đến lượt");
        var again = Say("Cán bộ nhiệt tình nhưng tôi phải chờ rất lâu mới đến lượt");
        var third = Say("Cán bộ nhiệt tình nhưng tôi phải chờ rất lâu mới đến lượt");
        foreach (var answer in new[] { "Tốt", "Khá", "Tốt", "Tốt" })
        {
            Say(answer);
        }
        var asked = Say("Tốt");
        Say(atComment);
        Say("bỏ qua");
        Say("bỏ qua");
        var sent = Say("gửi");

        Assert.StartsWith("Dạ, xin cảm ơn Ông/Bà. Ý kiến này đã được ghi lại", remark.Replies[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("Câu 1/5", remark.Replies[^1].Text, StringComparison.Ordinal);
        // Sent again, it is thanked again but kept once; the third time the help comes, as after any three slips.
        Assert.Equal(2, again.Replies.Count);
        Assert.StartsWith("Hình như Ông/Bà đang gặp khó khăn", third.Replies[^1].Text, StringComparison.Ordinal);
        Assert.StartsWith("Ý kiến Ông/Bà viết trước đó đã được ghi vào phần góp ý: «Cán bộ nhiệt tình", asked.Replies[^1].Text, StringComparison.Ordinal);
        Assert.Contains("Ông/Bà có góp ý gì thêm", asked.Replies[^1].Text, StringComparison.Ordinal);
        Assert.Equal(["tot", "kha", "tot", "tot", "tot"], sent.Completion!.Answers);
        Assert.Equal(comment, sent.Completion.Fields["comment"]);
    }

    [Theory]
    // Too short to be more than a slip, and a sentence that names an answer: read as before.
    [InlineData("rất là tuyệt vời")]
    [InlineData("lúc thì tốt lúc thì kém lắm")]
    public void AShortSlipOrASentenceNamingAnAnswer_IsNoRemark(string typed)
    {
        Begin();
        Say("đồng ý");

        var read = Say(typed);

        Assert.DoesNotContain(read.Replies, r => r.Text!.Contains("đã được ghi lại", StringComparison.Ordinal));
        Assert.Null(_state.Survey!.Remark);
    }

    [Fact]
    public void AtTheOptionalName_NoIsNoName_ShownAsNoneInTheSummary()
    {
        Begin("cadre");
        foreach (var answer in new[] { "đồng ý", "Bí thư chi bộ", "Thôn Đông", "Tốt", "Khá", "Tốt", "Tốt", "Tốt", "bỏ qua" })
        {
            Say(answer);
        }

        var summary = Say("Không");

        Assert.Equal("", _state.Survey!.Answers["name"]);
        Assert.Contains("Họ tên: (không có)", string.Join("\n", summary.Replies.Select(r => r.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public void Back_AsksThePreviousQuestionAgain_AndTheAnswerIsReplaced()
    {
        Begin();
        Say("đồng ý");
        Say("Tốt");
        var back = Say("quay lại");
        Say("Khá");

        Assert.StartsWith("Câu 1/5", back.Replies[^1].Text, StringComparison.Ordinal);
        Assert.Equal("kha", _state.Survey!.Answers["q1"]);
    }

    [Fact]
    public void AnswersThatDoNotFit_AreAskedAgain_AndTheThirdOffersHelp()
    {
        Begin();
        Say("đồng ý");
        var first = Say("xyz");
        Say("abc");
        var third = Say("qwe");

        Assert.StartsWith("Câu 1/5", first.Replies[^1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(first.Replies, r => r.Text == Texts["offerHelp"]);
        Assert.Equal(Texts["offerHelp"], third.Replies[^1].Text);
        Assert.Equal(3, _state.Survey!.Invalid);
        Assert.False(_state.Survey.Answers.ContainsKey("q1"));
    }

    [Theory]
    [InlineData("hủy")]
    [InlineData("thôi")]
    public void Cancelling_EndsTheSurvey_WithNothingCompleted(string word)
    {
        Begin();
        Say("đồng ý");
        var cancelled = Say(word);

        Assert.Null(cancelled.Completion);
        Assert.Equal(Phase.Idle, _state.Phase);
        Assert.Equal(Texts["cancelled"], cancelled.Replies[^1].Text);
    }

    [Fact]
    public void AnswersTheInvitationGives_AreNotAsked_AndGoWithTheForm()
    {
        Begin("cadre", new Dictionary<string, string> { ["role"] = "truong-thon", ["village"] = "Thôn Đông" });
        var afterConsent = Say("đồng ý");

        Assert.StartsWith("Câu 1/5", afterConsent.Replies[^1].Text, StringComparison.Ordinal);
        Assert.Equal(["role", "village"], _state.Survey!.FixedSteps);
        Assert.Equal("truong-thon", _state.Survey.Answers["role"]);
    }

    [Theory]
    [InlineData("Nguyễn Văn An", "Nguyễn Văn An")]
    [InlineData("Nguyễn Văn Ân", "Nguyễn Văn Ân")]
    [InlineData("bỏ qua", "(không có)")]
    public void ANameTheInvitationKnows_IsOfferedOnAButton_AndThePersonStillChoosesWhatTheFormSays(string typed, string shown)
    {
        Begin("cadre", new Dictionary<string, string> { ["role"] = "truong-thon", ["village"] = "Thôn Đông" }, new Dictionary<string, string> { ["name"] = "Nguyễn Văn An" });
        TurnContext? asked = null;
        foreach (var answer in new[] { "đồng ý", "Tốt", "Khá", "Tốt", "Tốt", "Tốt", "bỏ qua" })
        {
            asked = Say(answer);
        }

        Assert.StartsWith("Xin phép Ông/Bà cho biết họ tên (không bắt buộc): bấm vào tên", asked!.Replies[^1].Text, StringComparison.Ordinal);
        Assert.Equal(["Nguyễn Văn An", "Bỏ qua"], asked.Replies[^1].SuggestedActions!.Actions.Select(a => a.Title));
        var summary = Say(typed);
        Assert.Contains($"Họ tên: {shown}", string.Join("\n", summary.Replies.Select(r => r.Text)), StringComparison.Ordinal);
        Assert.DoesNotContain("name", _state.Survey!.FixedSteps);
    }

    [Fact]
    public void AGreetingWhereANameOrAnAnswerIsAsked_IsGreetedBack_NeverTakenForOne()
    {
        Begin("cadre", new Dictionary<string, string> { ["role"] = "truong-thon", ["village"] = "Thôn Đông" }, new Dictionary<string, string> { ["name"] = "Nguyễn Văn An" });
        Say("đồng ý");
        var atQuestion = Say("xin chào");
        foreach (var answer in new[] { "Tốt", "Khá", "Tốt", "Tốt", "Tốt", "bỏ qua" })
        {
            Say(answer);
        }

        var atName = Say("Xin chào");
        var back = Turn("chào");
        _engine.Continue(back, "chào", returning: true);

        Assert.Equal("Dạ, xin chào Ông/Bà! Chúng ta đang làm dở phiếu khảo sát, xin Ông/Bà trả lời tiếp:", atQuestion.Replies[0].Text);
        Assert.StartsWith("Câu 1/5", atQuestion.Replies[^1].Text, StringComparison.Ordinal);
        Assert.Equal(2, atName.Replies.Count);
        Assert.Equal(["Nguyễn Văn An", "Bỏ qua"], atName.Replies[^1].SuggestedActions!.Actions.Select(a => a.Title));
        // One who comes back after a pause was greeted by the resume notice: only the step again.
        Assert.StartsWith("Xin phép Ông/Bà cho biết họ tên", back.Replies.Single().Text, StringComparison.Ordinal);
        Assert.False(_state.Survey!.Answers.ContainsKey("name"));
        Assert.Equal(0, _state.Survey.Invalid);
    }

    [Fact]
    public void WithoutAKnownName_TheNameIsAskedAsWritten_WithOnlySkip()
    {
        Begin("cadre", new Dictionary<string, string> { ["role"] = "truong-thon", ["village"] = "Thôn Đông" });
        TurnContext? asked = null;
        foreach (var answer in new[] { "đồng ý", "Tốt", "Khá", "Tốt", "Tốt", "Tốt", "bỏ qua" })
        {
            asked = Say(answer);
        }

        Assert.Equal("Xin phép Ông/Bà cho biết họ tên (không bắt buộc). Ông/Bà có thể bấm “Bỏ qua”.", asked!.Replies[^1].Text);
        Assert.Equal(["Bỏ qua"], asked.Replies[^1].SuggestedActions!.Actions.Select(a => a.Title));
        Assert.Null(_state.Survey!.Offered);
    }

    [Fact]
    public void StartingAgain_KeepsTheKnownName_OfferedAgain()
    {
        Begin("cadre", new Dictionary<string, string> { ["role"] = "truong-thon", ["village"] = "Thôn Đông" }, new Dictionary<string, string> { ["name"] = "Nguyễn Văn An" });

        var again = SurveyTarget.Again(_state.Survey!, Scheme.Surveys["cadre"]);

        Assert.Equal("Nguyễn Văn An", again.Known["name"]);
        Assert.Equal("Thôn Đông", again.Fixed["village"]);
    }
}
