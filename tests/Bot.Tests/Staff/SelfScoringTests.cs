using System.Net.Http.Json;
using System.Text.Json;
using Bot.People;

namespace Bot.Tests.Staff;

[Collection(RedisTests.Name)]
public sealed class SelfScoringTests(RedisServer redis) : BotTestBase(redis)
{
    [Fact]
    public async Task ADisqualifiedCommune_IsProjectedNotMeetingTheStandard_WithNoPointsToTheNextLevel()
    {
        var admin = await StaffPeople.EnrolledAsync(Bot, StaffRole.Admin, "hd");
        await admin.SayAsync("không xét Cẩm Vũ");
        await admin.SayAsync("Kỷ luật cán bộ");
        await admin.SayAsync("Quyết định kỷ luật số 12/QĐ-UBND");
        var staff = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-vu");
        await staff.SayAsync("tự chấm điểm");
        await staff.SayAsync("1 - Biên bản số 1");

        var review = Conversation.Texts(await staff.SayAsync("xem lại"));

        Assert.Contains("B tự chấm 1 = 1 điểm → Không đạt chuẩn.", review);
        Assert.Contains("Năm 2026 đang có ghi nhận «không xét đánh giá»", review);
        Assert.DoesNotContain("Còn thiếu", review);
    }

    [Fact]
    public async Task Draft_ResumesTheNextDay_OnAnotherChannelOfTheSamePerson()
    {
        var web = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-vu", "webchat");
        await web.SayAsync("tự chấm điểm");
        await web.SayAsync("1 - Biên bản số 1");
        await web.SayAsync("0,5 - Biên bản số 2");
        var code = System.Text.RegularExpressions.Regex.Match(Conversation.Texts(await web.SayAsync("thêm kênh")), "[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}").Value;
        var zalo = Bot.Conversation("zalo");
        await zalo.SayAsync("đăng ký " + code);
        Bot.Clock.Now += TimeSpan.FromDays(1);

        var resumed = await zalo.SayAsync("tự chấm điểm");
        var draft = await AssessmentAsync("cam-vu");

        Assert.Contains("đã chấm 2 mục", resumed[0].Text);
        Assert.StartsWith("Mục 1.2.a", resumed[1].Text);
        Assert.Equal(0.5m, draft.GetProperty("self").GetProperty("items").GetProperty("1.1.b").GetDecimal());
        Assert.Equal("Biên bản số 2", draft.GetProperty("self").GetProperty("evidence").GetProperty("1.1.b").GetString());
        Assert.False(draft.GetProperty("self").GetProperty("final").GetBoolean());
    }

    [Fact]
    public async Task AGreetingInAStaffDialog_IsGreetedBack_AndTheSamePromptAskedAgain_NeverTakenForAnAnswer()
    {
        var staff = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-vu");
        await staff.SayAsync("tự chấm điểm");
        await staff.SayAsync("1");
        // Where the evidence is asked: the item is asked again from its score.
        var atEvidence = await staff.SayAsync("xin chào");
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");
        await appraiser.SayAsync("mời cán bộ thôn Cẩm Vũ");
        await appraiser.SayAsync("2");
        var atVillage = await appraiser.SayAsync("chào");
        await appraiser.SayAsync("thôn Đông");
        await appraiser.SayAsync("nhập phiếu giấy Cẩm Vũ");
        var atSheet = await appraiser.SayAsync("alo");
        var draft = await AssessmentAsync("cam-vu");

        Assert.Equal("Dạ, xin chào Anh/Chị! Chúng ta đang làm dở, xin Anh/Chị làm tiếp:", atEvidence[0].Text);
        Assert.StartsWith("Mục 1.1.a", atEvidence[^1].Text, StringComparison.Ordinal);
        Assert.False(draft.GetProperty("self").TryGetProperty("evidence", out var evidence) && evidence.TryGetProperty("1.1.a", out _));
        Assert.Equal(["Dạ, xin chào Anh/Chị! Chúng ta đang làm dở, xin Anh/Chị làm tiếp:", "Người này ở thôn, khu dân cư nào? (gõ tên, ví dụ “Thôn Đông”)"], atVillage.Select(r => r.Text));
        Assert.StartsWith("Xin Anh/Chị gõ số phiếu in trên tờ phiếu", atSheet[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCommandWhileScoring_IsAnswered_ThenTheSameItemIsAskedAgain()
    {
        var staff = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-vu");
        await staff.SayAsync("tự chấm điểm");

        var replies = await staff.SayAsync("xem điểm");

        Assert.Contains("Bảng điểm xã Cẩm Vũ", replies[0].Text);
        Assert.Equal("Tiếp tục tự chấm:", replies[1].Text);
        Assert.StartsWith("Mục 1.1.a", replies[2].Text);
    }

    [Fact]
    public async Task Submit_WithItemsUnscored_ListsTheFirstTen_AndCountsTheRest()
    {
        var staff = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-vu");
        await staff.SayAsync("tự chấm điểm");
        await staff.SayAsync("1");

        var refused = Conversation.Texts(await staff.SayAsync("nộp"));

        Assert.Contains("còn 47 mục chưa chấm (1.1.b, 1.2.a, 1.2.b, 1.2.c, 1.2.d, 1.3.a, 1.3.b, 1.3.c, 1.4, 1.5.a và 37 mục khác)", refused);
        Assert.DoesNotContain("…", refused);
    }

    [Theory]
    [InlineData("?")]
    [InlineData("làm sao?")]
    public async Task HelpAskedInsideTheDialog_SaysHowToAnswer_ThenTheSameItem(string asked)
    {
        var staff = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-vu");
        await staff.SayAsync("tự chấm điểm");

        var replies = await staff.SayAsync(asked);

        Assert.StartsWith("Khi tự chấm: gõ điểm", replies[0].Text);
        Assert.StartsWith("Mục 1.1.a", replies[1].Text);
    }

    [Fact]
    public async Task NoCommandAfterTheReview_WithItemsLeft_PointsToTheFirstOfThem()
    {
        var staff = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-vu");
        await staff.SayAsync("tự chấm điểm");
        await staff.SayAsync("1 - Biên bản số 1");
        await staff.SayAsync("xem lại");

        var hint = (await staff.SayAsync("không hiểu")).Single();

        Assert.StartsWith("Bấm “Mục 1.1.b” để chấm tiếp", hint.Text);
        Assert.Equal("Mục 1.1.b", hint.SuggestedActions!.Actions.Single().Title);
    }

    [Fact]
    public async Task Submit_AfterTheDeadline_IsRefusedPolitely_AndTheDraftKept()
    {
        var staff = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-vu");
        await staff.SayAsync("tự chấm điểm");
        await StaffPeople.ScoreEverythingAsync(staff);
        Bot.Clock.Now = DateTimeOffset.Parse("2026-12-15T08:00:00+07:00", System.Globalization.CultureInfo.InvariantCulture);

        var late = await staff.SayAsync("nộp");
        var draft = await AssessmentAsync("cam-vu");

        Assert.Contains("đã quá hạn nộp bản tự chấm điểm năm 2026 (trước ngày 15/12/2026)", late.Single().Text);
        Assert.False(draft.GetProperty("self").GetProperty("final").GetBoolean());
        Assert.Equal(StaffPeople.FullMarks.Count, draft.GetProperty("self").GetProperty("items").EnumerateObject().Count());
    }

    [Fact]
    public async Task Confirm_JustBeforeTheDeadline_Submits_AndTheCoreHasItFinal()
    {
        var staff = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-vu");
        await staff.SayAsync("tự chấm điểm");
        await StaffPeople.ScoreEverythingAsync(staff);
        Bot.Clock.Now = DateTimeOffset.Parse("2026-12-14T23:59:00+07:00", System.Globalization.CultureInfo.InvariantCulture);

        await staff.SayAsync("nộp");
        var done = await staff.SayAsync("xác nhận nộp");
        var card = await Core.Api().GetFromJsonAsync<JsonElement>("/api/v1/communes/cam-vu/years/2026/scorecard");

        Assert.Contains("Đã nộp bản tự chấm điểm của xã Cẩm Vũ năm 2026: phần B 80/80 điểm", done.Single().Text);
        Assert.True(card.GetProperty("submitted").GetBoolean());
        Assert.Equal(80m, card.GetProperty("b").GetProperty("self").GetDecimal());
    }

    [Fact]
    public async Task CoreDown_TheScoreIsKept_AndSavedWithTheNextAnswer()
    {
        var staff = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-vu");
        await staff.SayAsync("tự chấm điểm");
        await staff.SayAsync("1 - Biên bản");
        Bot.CoreSwitch.Down = true;

        var whileDown = await staff.SayAsync("0,5 - Sổ họp");
        Bot.CoreSwitch.Down = false;
        var after = await staff.SayAsync("1");
        var draft = await AssessmentAsync("cam-vu");

        Assert.Contains("Hệ thống chấm điểm đang tạm thời gián đoạn: đã ghi tạm mục 1.1.b", Conversation.Texts(whileDown));
        Assert.Contains("Đã ghi 1 điểm cho mục 1.2.a", Conversation.Texts(after));
        var items = draft.GetProperty("self").GetProperty("items");
        Assert.Equal(1m, items.GetProperty("1.1.a").GetDecimal());
        Assert.Equal(0.5m, items.GetProperty("1.1.b").GetDecimal());
        Assert.Equal(1m, items.GetProperty("1.2.a").GetDecimal());
        Assert.Equal("Sổ họp", draft.GetProperty("self").GetProperty("evidence").GetProperty("1.1.b").GetString());
    }

    [Fact]
    public async Task Attachment_IsReferencedAsEvidence()
    {
        var staff = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-vu");
        await staff.SayAsync("tự chấm điểm");
        await staff.SayAsync("1");

        await staff.PostAsync(staff.Activity(global::Bot.Activities.ActivityTypes.Message, null, a =>
        {
            a.Text = "";
            a.Attachments = [JsonSerializer.SerializeToElement(new { contentType = "application/pdf", contentUrl = "https://files.example/bien-ban.pdf", name = "bien-ban.pdf" })];
        }));
        var draft = await AssessmentAsync("cam-vu");

        Assert.Equal("Tệp đính kèm: bien-ban.pdf https://files.example/bien-ban.pdf", draft.GetProperty("self").GetProperty("evidence").GetProperty("1.1.a").GetString());
    }

    [Fact]
    public async Task ControlCharacters_TypedOrInAnAttachmentsName_AreDropped_SoTheDraftIsSaved()
    {
        // The core refuses them in what it keeps; left in, the score and its evidence were not saved.
        var staff = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-vu");
        await staff.SayAsync("tự chấm điểm");

        var typed = await staff.SayAsync("1 - Biên bản\u0000 số 1\nngày 2/12\u001b");
        await staff.SayAsync("0,5");
        await staff.PostAsync(staff.Activity(global::Bot.Activities.ActivityTypes.Message, null, a =>
        {
            a.Text = "";
            a.Attachments = [JsonSerializer.SerializeToElement(new { contentType = "application/pdf", contentUrl = "https://files.example/b.pdf", name = "bien\u0007ban\n.pdf" })];
        }));
        var draft = await AssessmentAsync("cam-vu");

        Assert.Contains("Mục 1.1.b", Conversation.Texts(typed));
        var evidence = draft.GetProperty("self").GetProperty("evidence");
        Assert.Equal("Biên bản số 1\nngày 2/12", evidence.GetProperty("1.1.a").GetString());
        Assert.Equal("Tệp đính kèm: bienban.pdf https://files.example/b.pdf", evidence.GetProperty("1.1.b").GetString());
    }

    private async Task<JsonElement> AssessmentAsync(string communeId) =>
        await Core.Api().GetFromJsonAsync<JsonElement>($"/api/v1/communes/{communeId}/years/2026/assessment");
}
