using System.Net.Http.Json;
using System.Text.Json;
using Bot.People;
using Bot.Tests.Staff;

namespace Bot.Tests.Assistant;

/// <summary>The assistant in the chat: through the real HTTP pipeline, Redis and scoring core, at any moment and mid-dialog.</summary>
[Collection(RedisTests.Name)]
public sealed class AssistantChatTests(RedisServer redis) : BotTestBase(redis)
{
    [Fact]
    public async Task Question_FromEnrolledStaff_IsAnswered()
    {
        var staff = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-vu");

        var reply = (await staff.SayAsync("camera duoc may diem?")).Single().Text;

        Assert.Contains("Mục 4.5", reply);
        Assert.Contains("tối đa 2 điểm", reply);
        Assert.Contains("Nguồn: Phụ lục 01 – Bảng thang chấm điểm, mục 4.5.", reply);
    }

    [Fact]
    public async Task Question_MidSelfScoring_IsAnswered_ThenTheSameItemAgain_AndTheWalkGoesOn()
    {
        var staff = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-vu");
        await staff.SayAsync("tự chấm điểm");

        var replies = await staff.SayAsync("Hạn tự chấm là ngày nào?");
        var next = await staff.SayAsync("1 - Biên bản số 1");

        Assert.Contains("trước ngày 15/12/2026", replies[0].Text);
        Assert.Equal("Tiếp tục tự chấm:", replies[1].Text);
        Assert.StartsWith("Mục 1.1.a", replies[2].Text);
        Assert.StartsWith("Mục 1.1.b", next[^1].Text);
    }

    [Fact]
    public async Task ThisItem_MidSelfScoring_IsTheItemBeingScored_AndThisCriterionItsCriterion()
    {
        var staff = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-vu");
        await staff.SayAsync("tự chấm điểm");
        await staff.SayAsync("mục 4.5");

        var item = await staff.SayAsync("mục này là gì?");
        var criterion = await staff.SayAsync("tiêu chí này tối đa bao nhiêu điểm?");
        var outside = await staff.SayAsync("dừng");
        var afterwards = (await staff.SayAsync("mục này là gì?")).Single().Text;

        Assert.Contains("Mục 4.5", item[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Xếp loại", item[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("Mục 4.5", item[^1].Text, StringComparison.Ordinal);
        Assert.Contains("Tiêu chí 4", criterion[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("Mục 4.5", criterion[^1].Text, StringComparison.Ordinal);
        Assert.NotEmpty(outside);
        // Outside the walk there is no item being scored: "mục này" names nothing.
        Assert.DoesNotContain("Mục 4.5", afterwards, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cái này là sao?")]
    [InlineData("điều này nghĩa là gì")]
    [InlineData("cái này chấm thế nào ạ")]
    public async Task ThisItem_InEverydayWords_MidSelfScoring_IsTheItemBeingScored(string asked)
    {
        var staff = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-vu");
        await staff.SayAsync("tự chấm điểm");
        await staff.SayAsync("mục 4.5");

        var replies = await staff.SayAsync(asked);

        Assert.StartsWith("Mục 4.5 «", replies[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("Mục 4.5", replies[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Official_AskingHowACommuneNotInTheirScopeStands_IsToldItIsNotFound()
    {
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");

        var unknownGap = (await appraiser.SayAsync("xã Abc còn thiếu gì để lên mức 2?")).Single().Text!;
        var unknownSubmitted = (await appraiser.SayAsync("Phường Hà Đông đã nộp chưa?")).Single().Text!;
        var known = (await appraiser.SayAsync("xã Cẩm Vũ còn thiếu gì để lên mức 2?")).Single().Text!;

        Assert.StartsWith("Xin lỗi, không tìm thấy đơn vị “Abc” trong phạm vi của Anh/Chị.", unknownGap, StringComparison.Ordinal);
        Assert.StartsWith("Xin lỗi, không tìm thấy đơn vị “Hà Đông” trong phạm vi của Anh/Chị.", unknownSubmitted, StringComparison.Ordinal);
        Assert.DoesNotContain("không tìm thấy", known, StringComparison.Ordinal);
        Assert.Contains("Cẩm Vũ", known, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InterrogativeWins_OverACommandWord()
    {
        var staff = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-vu");

        var reply = (await staff.SayAsync("Điểm hòm thư góp ý là bao nhiêu?")).Single().Text;

        Assert.Contains("Mục 4.6", reply);
        Assert.DoesNotContain("Bảng điểm", reply);
    }

    [Fact]
    public async Task AQuestion_BeginningWithACommandWord_ThatNamesNoUnit_IsAnswered_ANamedUnitStaysTheCommand()
    {
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");

        var question = (await appraiser.SayAsync("điểm tối thiểu để đạt chuẩn?")).Single().Text;
        var reply = (await appraiser.SayAsync("điểm Cẩm Vũ?")).Single();
        var scorecard = reply.Text + Conversation.CardText(reply);

        Assert.Contains("Chuẩn Mức độ 1: tổng điểm từ 80", question, StringComparison.Ordinal);
        Assert.DoesNotContain("không tìm thấy đơn vị", question, StringComparison.Ordinal);
        Assert.Contains("Cẩm Vũ", scorecard, StringComparison.Ordinal);
        Assert.Contains("Tổng", scorecard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OwnCommuneGap_ComesFromItsRealScorecard()
    {
        // Everything at full marks except 1.6 (7) and 5.1 (7): B 66, no surveys yet.
        var items = StaffPeople.FullMarks.ToDictionary(kv => kv.Key, kv => kv.Key is "1.6" or "5.1" ? 0 : kv.Value);
        await StaffPeople.SubmittedAsync(Core, "cam-vu", items);
        var staff = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-vu");

        var reply = (await staff.SayAsync("xa minh con thieu gi de len muc 2")).Single().Text;

        Assert.Contains("Xã Cẩm Vũ năm 2026: tổng 66 điểm (A1 0, A2 0, B 66), xếp loại Không đạt chuẩn.", reply);
        Assert.Contains("Để lên Chuẩn Mức độ 2 (85 điểm) còn thiếu 19 điểm.", reply);
        Assert.Contains("1.6 «", reply);
        Assert.Contains("5.1 «", reply);
        Assert.Contains("Phần A chưa có phiếu khảo sát nào", reply);
    }

    [Fact]
    public async Task Appraiser_AsksAboutACommuneInScope_ByName()
    {
        await StaffPeople.SubmittedAsync(Core, "cam-binh");
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");

        var reply = (await appraiser.SayAsync("Xã Cẩm Bình còn thiếu gì để lên mức 4?")).Single().Text;
        var which = (await appraiser.SayAsync("xã mình còn thiếu gì?")).Single().Text;
        var submitted = (await appraiser.SayAsync("xã Cẩm Bình đã nộp chưa?")).Single().Text;
        var notYet = (await appraiser.SayAsync("Phường Tứ Minh nộp chưa?")).Single().Text;

        Assert.Contains("Xã Cẩm Bình năm 2026: tổng 80 điểm", reply);
        Assert.Contains("Để lên Chuẩn Mức độ 4 (95 điểm) còn thiếu 15 điểm.", reply);
        Assert.Contains("Anh/Chị muốn hỏi về xã nào?", which);
        Assert.Contains("Đã nộp bản tự chấm, chưa thẩm định.", submitted);
        Assert.StartsWith("Phường Tứ Minh chưa có kết quả năm 2026: chưa có bản tự chấm", notYet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Appraiser_AsksWhoHasNotSubmitted_AndWhetherTheTargetsAreMet_GetsTheirUnitsRollup_StaffDoNot()
    {
        await StaffPeople.SubmittedAsync(Core, "cam-vu");
        (await Core.Api().PutAsJsonAsync("/api/v1/communes/cam-vu/years/2026/appraisal",
            new { items = StaffPeople.FullMarks, reasons = new Dictionary<string, string>(), appraisedBy = "Sở Nội vụ" })).EnsureSuccessStatusCode();
        await StaffPeople.SubmittedAsync(Core, "cam-binh");
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");
        var staff = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "tu-minh");

        var notSubmitted = (await appraiser.SayAsync("xã nào chưa nộp tự chấm?")).Single().Text!;
        var targets = (await appraiser.SayAsync("tinh da dat chi tieu chua?")).Single().Text!;
        var lastYear = (await appraiser.SayAsync("năm ngoái tỉnh đạt chỉ tiêu không?")).Single().Text!;
        var asStaff = (await staff.SayAsync("xã nào chưa nộp tự chấm?")).Single().Text!;

        Assert.StartsWith("Tỉnh Hải Dương năm 2026: 2/3 xã, phường đã nộp bản tự chấm; đã thẩm định 1.\nChưa nộp (1; hạn trước ngày 15/12/2026, còn ", notSubmitted, StringComparison.Ordinal);
        Assert.Contains(" ngày): Phường Tứ Minh.", notSubmitted, StringComparison.Ordinal);
        Assert.Contains("Đã thẩm định: Chuẩn Mức độ 4: 0; Chuẩn Mức độ 3: 0; Chuẩn Mức độ 2: 0; Chuẩn Mức độ 1: 1; Không đạt chuẩn: 0.", notSubmitted, StringComparison.Ordinal);
        Assert.Contains("Theo kết quả đã thẩm định, 33,33% số xã đạt chuẩn (chỉ tiêu 90%): chưa đạt chỉ tiêu của năm.", notSubmitted, StringComparison.Ordinal);
        Assert.Contains("1 xã đã nộp nhưng chưa thẩm định; nếu thẩm định giữ nguyên, tỷ lệ đạt chuẩn sẽ là 66,67%.", notSubmitted, StringComparison.Ordinal);
        Assert.Equal(notSubmitted, targets);
        Assert.StartsWith("Tỉnh Hải Dương năm 2025: 0/3 xã, phường đã nộp bản tự chấm", lastYear, StringComparison.Ordinal);
        // A year with nothing appraised has no share to judge against the target, rather than "0%, not met".
        Assert.Contains("Chưa có xã nào có kết quả thẩm định, nên chưa tính được tỷ lệ xã đạt chuẩn", lastYear, StringComparison.Ordinal);
        Assert.DoesNotContain("Đã thẩm định:", lastYear, StringComparison.Ordinal);
        Assert.DoesNotContain("chưa đạt chỉ tiêu", lastYear, StringComparison.Ordinal);
        // Commune staff see their own commune only: the rollup is not theirs to read.
        Assert.DoesNotContain("Tỉnh Hải Dương năm 2026", asStaff, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Appraiser_AsksWhichCommunesAreShortOfForms_GetsTheSurveyRoundAcrossTheirUnit()
    {
        await Surveys.CompleteInvitedCitizenAsync(Bot, Bot.Conversation(), "cam-vu", "case-progress-1");
        await Surveys.EventuallyAsync(async () => await Core.ResponsesAsync("cam-vu") == 1, "the form to reach the core");
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");

        var reply = (await appraiser.SayAsync("xã nào chưa đủ phiếu khảo sát?")).Single().Text!.Split('\n');

        Assert.Equal(
        [
            "Khảo sát năm 2026 ở tỉnh Hải Dương: 0/3 xã, phường đã đủ số phiếu người dân được tính theo mục tiêu.",
            "Còn thiếu phiếu người dân (3): Phường Tứ Minh 0/30, Xã Cẩm Bình 0/30, Xã Cẩm Vũ 1/30.",
            "Không có phiếu nào chờ xét.",
            "Chưa có phiếu cán bộ thôn nào được tính (3): Xã Cẩm Bình, Xã Cẩm Vũ, Phường Tứ Minh.",
            "Gõ “tiến độ khảo sát” để xem từng xã, “phiếu chờ xét <xã>” để xét từng phiếu.",
        ], reply);
    }

    [Fact]
    public async Task Staff_AskHowManyFormsTheirCommuneHas_FromItsRealScorecard()
    {
        await Surveys.CompleteInvitedCitizenAsync(Bot, Bot.Conversation(), "cam-vu", "case-forms-so-far");
        await Surveys.EventuallyAsync(async () => await Core.ResponsesAsync("cam-vu") == 1, "the form to reach the core");
        var staff = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-vu");

        var reply = (await staff.SayAsync("xã mình có bao nhiêu phiếu người dân rồi?")).Single().Text!.Split('\n');

        Assert.Equal("Khảo sát năm 2026 của xã Cẩm Vũ:", reply[0]);
        Assert.StartsWith("• Người dân (A1): ", reply[1], StringComparison.Ordinal);
        Assert.Contains("/10 điểm, từ 1 phiếu được tính; dưới 20 phiếu nên điểm này có lưu ý chưa đủ tin cậy.", reply[1], StringComparison.Ordinal);
        Assert.Equal("• Cán bộ thôn, khu dân cư (A2): chưa có phiếu nào được tính.", reply[2]);
    }

    [Fact]
    public async Task Citizen_QuestionGoesToTheSurveyBot_NotTheAssistant()
    {
        var citizen = Bot.Conversation("webchat");

        var reply = Conversation.Texts(await citizen.SayAsync("camera được mấy điểm?"));

        Assert.DoesNotContain("Mục 4.5", reply);
        Assert.DoesNotContain("Anh/Chị", reply);
    }

    [Fact]
    public async Task Ask_Alone_GetsExamples_AndAnswersAreCounted()
    {
        var staff = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-vu");

        var prompt = (await staff.SayAsync("hỏi")).Single().Text;
        await staff.SayAsync("hỏi mức 3 cần bao nhiêu điểm");
        await staff.SayAsync("giá vàng hôm nay bao nhiêu?");
        var health = await Bot.CreateClient().GetFromJsonAsync<JsonElement>("/healthz");

        Assert.Contains("Anh/Chị muốn hỏi gì", prompt);
        var assistant = health.GetProperty("assistant");
        Assert.Equal(1, assistant.GetProperty("computed").GetInt64());
        Assert.Equal(1, assistant.GetProperty("declined").GetInt64());
        Assert.Equal(0, assistant.GetProperty("inputTokens").GetInt64());
    }
}
