using System.Net.Http.Json;
using System.Text.Json;
using Bot.People;

namespace Bot.Tests.Staff;

[Collection(RedisTests.Name)]
public sealed class AppraisalTests(RedisServer redis) : BotTestBase(redis)
{
    /// <summary>Cẩm Vũ submits full marks with evidence on 1.1.a.</summary>
    private Task SubmittedAsync() => StaffPeople.SubmittedAsync(Core, "cam-vu", evidence: new Dictionary<string, string> { ["1.1.a"] = "Biên bản số 7" });

    [Fact]
    public async Task NotSubmittedYet_CannotBeAppraised()
    {
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");

        var replies = await appraiser.SayAsync("thẩm định cam vu");

        Assert.Contains("Xã Cẩm Vũ chưa nộp bản tự chấm điểm năm 2026", replies.Single().Text);
    }

    [Fact]
    public async Task AChangeWithoutAReason_IsRefused_WithAReason_IsSaved_AndTheRestKept()
    {
        await SubmittedAsync();
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");

        var start = await appraiser.SayAsync("thẩm định Cẩm Vũ");
        var kept = await appraiser.SayAsync("đồng ý");
        var changed = await appraiser.SayAsync("0,5");
        var noReason = await appraiser.SayAsync("bỏ qua");
        var reasoned = await appraiser.SayAsync("Chưa họp đủ các thôn");
        var inline = await appraiser.SayAsync("0 - Không có văn bản niêm yết");
        var spaced = await appraiser.SayAsync("0,5 niêm yết chưa đủ");
        var full = await appraiser.SayAsync("tối đa");
        var rest = await appraiser.SayAsync("đồng ý tất cả");
        var stored = await Core.Api().GetFromJsonAsync<JsonElement>("/api/v1/communes/cam-vu/years/2026/assessment");

        Assert.Contains("Thẩm định bản tự chấm của xã Cẩm Vũ năm 2026 (48 mục, phần B tự chấm 80/80)", start[0].Text);
        Assert.Contains("Xã tự chấm: 1 điểm\nKiểm chứng: Biên bản số 7", start[1].Text);
        Assert.Equal(["Đồng ý 1", "Đồng ý tất cả"], start[1].SuggestedActions!.Actions.Select(a => a.Title));
        Assert.StartsWith("Mục 1.1.b", kept.Single().Text);
        Assert.Contains("Mục 1.1.b: đổi từ 1 thành 0,5 điểm. Xin ghi lý do thay đổi.", changed.Single().Text);
        Assert.Contains("mỗi thay đổi điểm đều phải có lý do", noReason.Single().Text);
        // Each change is said back with what was recorded, then the next item.
        Assert.Equal("Đã ghi mục 1.1.b: từ 1 thành 0,5 điểm, kèm lý do.", reasoned[0].Text);
        Assert.StartsWith("Mục 1.2.a", reasoned[1].Text);
        Assert.Equal("Đã ghi mục 1.2.a: từ 1 thành 0 điểm, kèm lý do.", inline[0].Text);
        Assert.StartsWith("Mục 1.2.b", inline[1].Text);
        Assert.Equal("Đã ghi mục 1.2.b: từ 1 thành 0,5 điểm, kèm lý do.", spaced[0].Text);
        Assert.StartsWith("Mục 1.2.c", spaced[1].Text);
        // "Tối đa" is the item's full marks: here the commune's own score, so no reason is asked.
        Assert.StartsWith("Mục 1.2.d", full.Single().Text);
        Assert.Contains("Đã thẩm định xong xã Cẩm Vũ: phần B tự chấm 80 → thẩm định 78. Tổng điểm 78 → Không đạt chuẩn.", rest.Single().Text);
        var appraisal = stored.GetProperty("appraisal");
        Assert.Equal(48, appraisal.GetProperty("items").EnumerateObject().Count());
        Assert.Equal(0.5m, appraisal.GetProperty("items").GetProperty("1.1.b").GetDecimal());
        Assert.Equal("Chưa họp đủ các thôn", appraisal.GetProperty("reasons").GetProperty("1.1.b").GetString());
        Assert.Equal("Không có văn bản niêm yết", appraisal.GetProperty("reasons").GetProperty("1.2.a").GetString());
        Assert.Equal("niêm yết chưa đủ", appraisal.GetProperty("reasons").GetProperty("1.2.b").GetString());
        Assert.False(appraisal.GetProperty("reasons").TryGetProperty("1.1.a", out _));
        Assert.Equal(1m, appraisal.GetProperty("items").GetProperty("1.2.c").GetDecimal());
    }

    [Fact]
    public async Task AFinishedAppraisal_StartedAgain_IsSaidWithItsTotals_AndOneItemCanBeCorrected()
    {
        await SubmittedAsync();
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");
        await appraiser.SayAsync("thẩm định Cẩm Vũ");
        await appraiser.SayAsync("0,5 chưa có biên bản");
        await appraiser.SayAsync("đồng ý tất cả");

        var again = await appraiser.SayAsync("thẩm định Cẩm Vũ");
        var item = await appraiser.SayAsync("mục 1.1.a");
        var corrected = await appraiser.SayAsync("đồng ý");
        var stored = await Core.Api().GetFromJsonAsync<JsonElement>("/api/v1/communes/cam-vu/years/2026/assessment");

        // Before, starting again only repeated "đã thẩm định xong" and left no way to correct a score.
        Assert.Equal("Xã Cẩm Vũ năm 2026 đã thẩm định xong: phần B tự chấm 80 → thẩm định 79,5; tổng điểm 79,5 → Không đạt chuẩn.\n"
            + "Để sửa điểm thẩm định của một mục, xin gõ “mục” và số mục (ví dụ: mục 1.1.a); “xem lại” để xem các mục đã đổi điểm; “dừng” để thoát.", again.Single().Text);
        Assert.Contains("Xã tự chấm: 1 điểm\nKiểm chứng: Biên bản số 7\nĐã thẩm định: 0,5 điểm", item.Single().Text, StringComparison.Ordinal);
        Assert.Equal("Đã thẩm định xong xã Cẩm Vũ: phần B tự chấm 80 → thẩm định 80. Tổng điểm 80 → Chuẩn Mức độ 1.", corrected.Single().Text);
        var appraisal = stored.GetProperty("appraisal");
        Assert.Equal(1m, appraisal.GetProperty("items").GetProperty("1.1.a").GetDecimal());
        Assert.False(appraisal.GetProperty("reasons").TryGetProperty("1.1.a", out _));
    }

    [Fact]
    public async Task AFinishedAppraisal_OfADecidedYear_IsNotReopened()
    {
        await SubmittedAsync();
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");
        await appraiser.SayAsync("thẩm định Cẩm Vũ");
        await appraiser.SayAsync("đồng ý tất cả");
        await appraiser.SayAsync("công nhận Cẩm Vũ 16/QĐ-UBND 20/11/2026");

        var again = await appraiser.SayAsync("thẩm định Cẩm Vũ");
        var jump = await appraiser.SayAsync("mục 1.1.a");

        Assert.Equal("Xã Cẩm Vũ năm 2026: đã có quyết định công nhận; Chuẩn Mức độ 1, 80 điểm. Kết quả năm 2026 đã khép lại nên không sửa được điểm thẩm định; "
            + "gõ “lịch sử xã Cẩm Vũ” để xem các quyết định.", again.Single().Text);
        // No dialog was opened: "mục 1.1.a" is no jump to an item.
        Assert.DoesNotContain(jump, r => r.Text?.StartsWith("Mục 1.1.a", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Review_MidAppraisal_ListsTheChangedScoresWithTheirReasons_ThenAsksTheSameItemAgain()
    {
        await SubmittedAsync();
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");
        await appraiser.SayAsync("thẩm định Cẩm Vũ");

        var before = await appraiser.SayAsync("xem lại");
        await appraiser.SayAsync("đồng ý");
        await appraiser.SayAsync("0,5 chưa họp đủ các thôn");
        var after = await appraiser.SayAsync("xem lại");
        var next = await appraiser.SayAsync("đồng ý");

        Assert.Equal("Thẩm định xã Cẩm Vũ năm 2026: đã xét 0/48 mục. Phần B: xã tự chấm 80 → theo thẩm định đến nay 80 (mục chưa xét tính theo điểm tự chấm).\nChưa đổi điểm mục nào.", before[0].Text);
        Assert.StartsWith("Mục 1.1.a", before[^1].Text, StringComparison.Ordinal);
        Assert.Equal(string.Join("\n",
            "Thẩm định xã Cẩm Vũ năm 2026: đã xét 2/48 mục. Phần B: xã tự chấm 80 → theo thẩm định đến nay 79,5 (mục chưa xét tính theo điểm tự chấm).",
            "Đã đổi điểm 1 mục:",
            "• 1.1.b: 1 → 0,5 điểm. Lý do: chưa họp đủ các thôn"), after[0].Text);
        Assert.StartsWith("Mục 1.2.a", after[^1].Text, StringComparison.Ordinal);
        // "xem lại" was no score: the item it interrupted is still the one a yes answers.
        Assert.StartsWith("Mục 1.2.b", next[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANumberIsTheAppraisersScore_NeverAYes_AndEverydayYesesKeep_WithoutStopping()
    {
        // Cẩm Vũ gave itself 0 on 1.1.a: the appraiser's "1" raises it (with a reason), though "1" is a yes at a survey's consent.
        await StaffPeople.SubmittedAsync(Core, "cam-vu", StaffPeople.FullMarks.ToDictionary(i => i.Key, i => i.Key == "1.1.a" ? 0m : i.Value));
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");

        await appraiser.SayAsync("thẩm định Cẩm Vũ");
        var raised = await appraiser.SayAsync("1");
        await appraiser.SayAsync("Có biên bản tuyên truyền trên loa");
        var right = await appraiser.SayAsync("đúng rồi");
        var agreed = await appraiser.SayAsync("nhất trí");
        var stopped = await appraiser.SayAsync("dừng");
        var stored = await Core.Api().GetFromJsonAsync<JsonElement>("/api/v1/communes/cam-vu/years/2026/assessment");

        Assert.Equal("Mục 1.1.a: đổi từ 0 thành 1 điểm. Xin ghi lý do thay đổi.", raised.Single().Text);
        // "Đúng rồi" (right) shares its key with "dừng rồi" (stop): it keeps the item and the walk goes on.
        Assert.StartsWith("Mục 1.2.a", right.Single().Text, StringComparison.Ordinal);
        Assert.StartsWith("Mục 1.2.b", agreed.Single().Text, StringComparison.Ordinal);
        Assert.StartsWith("Đã tạm dừng thẩm định", stopped.Single().Text, StringComparison.Ordinal);
        var items = stored.GetProperty("appraisal").GetProperty("items");
        Assert.Equal(1m, items.GetProperty("1.1.a").GetDecimal());
        Assert.Equal(1m, items.GetProperty("1.1.b").GetDecimal());
        Assert.Equal(1m, items.GetProperty("1.2.a").GetDecimal());
    }

    [Fact]
    public async Task AReasonThatStartsWithAnotherScore_IsAsked_WhichItIs()
    {
        await SubmittedAsync();
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");

        await appraiser.SayAsync("thẩm định Cẩm Vũ");
        await appraiser.SayAsync("0");
        // At "Xin ghi lý do": the score meant, with its reason? Or a reason beginning with a number? Asked.
        var asked = await appraiser.SayAsync("0,5 thiếu biên bản");
        var corrected = await appraiser.SayAsync("sửa điểm");
        await appraiser.SayAsync("0");
        await appraiser.SayAsync("1 biên bản chưa ký");
        var keptAsReason = await appraiser.SayAsync("lưu làm lý do");
        await appraiser.SayAsync("0");
        await appraiser.SayAsync("0,5 chưa đủ");
        // Neither option: what is typed now is the reason asked for before.
        var typedInstead = await appraiser.SayAsync("Không niêm yết");
        await appraiser.SayAsync("dừng");
        var stored = await Core.Api().GetFromJsonAsync<JsonElement>("/api/v1/communes/cam-vu/years/2026/assessment");

        Assert.Equal("Mục 1.1.a: Anh/Chị muốn sửa điểm thẩm định thành 0,5 điểm (lý do: «thiếu biên bản»), hay giữ 0 điểm với lý do «0,5 thiếu biên bản»?", asked.Single().Text);
        Assert.Equal(["Sửa điểm", "Lưu làm lý do"], asked.Single().SuggestedActions!.Actions.Select(a => a.Title));
        Assert.Equal("Đã ghi mục 1.1.a: từ 1 thành 0,5 điểm, kèm lý do.", corrected[0].Text);
        Assert.Equal("Đã ghi mục 1.1.b: từ 1 thành 0 điểm, kèm lý do.", keptAsReason[0].Text);
        Assert.Equal("Đã ghi mục 1.2.a: từ 1 thành 0 điểm, kèm lý do.", typedInstead[0].Text);
        var appraisal = stored.GetProperty("appraisal");
        Assert.Equal(0.5m, appraisal.GetProperty("items").GetProperty("1.1.a").GetDecimal());
        Assert.Equal("thiếu biên bản", appraisal.GetProperty("reasons").GetProperty("1.1.a").GetString());
        Assert.Equal(0m, appraisal.GetProperty("items").GetProperty("1.1.b").GetDecimal());
        Assert.Equal("1 biên bản chưa ký", appraisal.GetProperty("reasons").GetProperty("1.1.b").GetString());
        Assert.Equal("Không niêm yết", appraisal.GetProperty("reasons").GetProperty("1.2.a").GetString());
    }

    [Fact]
    public async Task Disqualification_RecordedAndLifted_EachWithItsReason()
    {
        await SubmittedAsync();
        var admin = await StaffPeople.EnrolledAsync(Bot, StaffRole.Admin, "hd");

        var ask = await admin.SayAsync("không xét Cẩm Vũ");
        var kind = await admin.SayAsync("Kỷ luật cán bộ");
        var empty = await admin.SayAsync("bỏ qua");
        var recorded = await admin.SayAsync("Quyết định kỷ luật số 12/QĐ-UBND");
        var card = await admin.SayAsync("điểm Cẩm Vũ");
        await admin.SayAsync("bỏ không xét Cẩm Vũ");
        var lifted = await admin.SayAsync("Quyết định hủy kỷ luật số 3");
        var after = await admin.SayAsync("điểm Cẩm Vũ");
        var liftAgain = await admin.SayAsync("bỏ không xét Cẩm Vũ");
        var history = await admin.SayAsync("lịch sử Cẩm Vũ");

        Assert.Equal(["Khiếu nại, tố cáo phức tạp", "Kỷ luật cán bộ"], ask.Single().SuggestedActions!.Actions.Select(a => a.Title));
        Assert.Contains("Xin ghi lý do cụ thể", kind.Single().Text);
        Assert.Contains("cần ghi lý do cụ thể", empty.Single().Text);
        Assert.Contains("Đã ghi nhận xã Cẩm Vũ không xét đánh giá năm 2026 (Kỷ luật cán bộ)", recorded.Single().Text);
        // Said of the unit by its name, not as "Xã …", which a phường or thị trấn is not.
        Assert.EndsWith("(Kỷ luật cán bộ), nên được xếp Không đạt chuẩn.", recorded.Single().Text);
        Assert.Contains("Không xét đánh giá: Quyết định kỷ luật số 12/QĐ-UBND", Conversation.CardText(card[0]));
        Assert.Contains("Xếp loại\nKhông đạt chuẩn", Conversation.CardText(card[0]));
        Assert.Contains("Đã bỏ ghi nhận không xét đánh giá của xã Cẩm Vũ năm 2026", lifted.Single().Text);
        Assert.Contains("Đã bỏ ghi nhận không xét: Quyết định hủy kỷ luật số 3", Conversation.CardText(after[0]));
        Assert.Contains("Xếp loại\nChuẩn Mức độ 1", Conversation.CardText(after[0]));
        Assert.Contains("không có ghi nhận không xét đánh giá", liftAgain.Single().Text);
        // The audit trail names the case in words, as the scorecard does, not by its code.
        Assert.Contains("ghi nhận không xét đánh giá (Kỷ luật cán bộ). Lý do: Quyết định kỷ luật số 12/QĐ-UBND", history.Single().Text);
    }

    [Fact]
    public async Task ADisqualificationInTheMiddleOfAnAppraisal_HandsBackToIt_WhereItWas()
    {
        await SubmittedAsync();
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");
        await appraiser.SayAsync("thẩm định Cẩm Vũ");
        await appraiser.SayAsync("đồng ý");

        await appraiser.SayAsync("không xét Cẩm Bình");
        await appraiser.SayAsync("2");
        var recorded = await appraiser.SayAsync("Quyết định kỷ luật số 12/QĐ-UBND");
        var kept = await appraiser.SayAsync("đồng ý");
        await appraiser.SayAsync("bỏ không xét Cẩm Bình");
        var cancelled = await appraiser.SayAsync("hủy");
        var stored = await Core.Api().GetFromJsonAsync<JsonElement>("/api/v1/communes/cam-vu/years/2026/assessment");

        // The decision's result (said after the save) first, then the appraisal's question, last.
        Assert.Equal(3, recorded.Count);
        Assert.Contains("Đã ghi nhận xã Cẩm Bình không xét đánh giá năm 2026", recorded[0].Text);
        Assert.Equal("Tiếp tục thẩm định:", recorded[1].Text);
        Assert.StartsWith("Mục 1.1.b", recorded[2].Text);
        Assert.StartsWith("Mục 1.2.a", kept.Single().Text);
        Assert.Equal(3, cancelled.Count);
        Assert.StartsWith("Mục 1.2.a", cancelled[2].Text);
        Assert.Equal(2, stored.GetProperty("appraisal").GetProperty("items").EnumerateObject().Count());
    }
}
