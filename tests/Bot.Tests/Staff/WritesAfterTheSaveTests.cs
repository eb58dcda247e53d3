using System.Net.Http.Json;
using System.Text.Json;
using Bot.People;

namespace Bot.Tests.Staff;

/// <summary>
/// Self-scoring and appraisal write to the scoring core after the turn is saved (issue 16 §3). A
/// write that fails there is said after the turn's replies, the walk goes on, and nothing is lost:
/// what the core does not have stays in the conversation and goes with the next write, even when
/// the failed write was the one that ended the dialog.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class WritesAfterTheSaveTests(RedisServer redis) : BotTestBase(redis)
{
    [Fact]
    public async Task Appraisal_AWriteThatFails_IsSaid_AndGoesWithTheNextAnswer()
    {
        await StaffPeople.SubmittedAsync(Core, "cam-vu");
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");
        await appraiser.SayAsync("thẩm định Cẩm Vũ");

        Bot.CoreSwitch.WritesDown = true;
        var failed = await appraiser.SayAsync("0,5 - Chưa họp đủ các thôn");
        Bot.CoreSwitch.WritesDown = false;
        var next = await appraiser.SayAsync("đồng ý");
        var appraisal = (await AssessmentAsync()).GetProperty("appraisal");

        Assert.Equal("Đã ghi mục 1.1.a: từ 1 thành 0,5 điểm, kèm lý do.", failed[0].Text);
        Assert.StartsWith("Mục 1.1.b", failed[1].Text);
        Assert.Contains("Chưa lưu được lên hệ thống chấm điểm", failed[^1].Text);
        Assert.StartsWith("Mục 1.2.a", next.Single().Text);
        Assert.Equal(0.5m, appraisal.GetProperty("items").GetProperty("1.1.a").GetDecimal());
        Assert.Equal("Chưa họp đủ các thôn", appraisal.GetProperty("reasons").GetProperty("1.1.a").GetString());
        Assert.Equal(1m, appraisal.GetProperty("items").GetProperty("1.1.b").GetDecimal());
    }

    [Fact]
    public async Task Appraisal_TheLastWriteFails_TheResultIsKept_AndSavedWhenAppraisingAgain()
    {
        await StaffPeople.SubmittedAsync(Core, "cam-vu");
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");
        await appraiser.SayAsync("thẩm định Cẩm Vũ");
        await appraiser.SayAsync("0 - Không có văn bản");

        Bot.CoreSwitch.WritesDown = true;
        var failed = await appraiser.SayAsync("đồng ý tất cả");
        Bot.CoreSwitch.WritesDown = false;
        var whoAmI = await appraiser.SayAsync("tôi là ai");
        var again = await appraiser.SayAsync("thẩm định Cẩm Vũ");
        var appraisal = (await AssessmentAsync()).GetProperty("appraisal");

        Assert.Contains("gõ “thẩm định xã Cẩm Vũ” để lưu", failed.Single().Text);
        Assert.Contains("cán bộ thẩm định", whoAmI.Single().Text);
        Assert.Contains("Đã thẩm định xong xã Cẩm Vũ: phần B tự chấm 80 → thẩm định 79.", again[^1].Text);
        Assert.Equal(48, appraisal.GetProperty("items").EnumerateObject().Count());
        Assert.Equal(0m, appraisal.GetProperty("items").GetProperty("1.1.a").GetDecimal());
    }

    [Fact]
    public async Task Appraisal_StoppedAfterAFailedWrite_SavesWhatWasKept()
    {
        await StaffPeople.SubmittedAsync(Core, "cam-vu");
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");
        await appraiser.SayAsync("thẩm định Cẩm Vũ");
        Bot.CoreSwitch.WritesDown = true;
        await appraiser.SayAsync("0,5 - Chưa họp đủ các thôn");
        Bot.CoreSwitch.WritesDown = false;

        var stopped = await appraiser.SayAsync("dừng");
        var appraisal = (await AssessmentAsync()).GetProperty("appraisal");

        Assert.Contains("Đã tạm dừng thẩm định", stopped.Single().Text);
        Assert.Equal(0.5m, appraisal.GetProperty("items").GetProperty("1.1.a").GetDecimal());
    }

    [Fact]
    public async Task SelfScoring_ASubmissionThatFails_IsSaid_AndTheDraftStaysADraft()
    {
        var staff = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-vu");
        await staff.SayAsync("tự chấm điểm");
        await StaffPeople.ScoreEverythingAsync(staff);
        Bot.Clock.Now = DateTimeOffset.Parse("2026-12-10T08:00:00+07:00", System.Globalization.CultureInfo.InvariantCulture);
        await staff.SayAsync("nộp");

        Bot.CoreSwitch.WritesDown = true;
        var failed = await staff.SayAsync("xác nhận nộp");
        Bot.CoreSwitch.WritesDown = false;
        var self = (await AssessmentAsync()).GetProperty("self");

        Assert.Contains("hệ thống chấm điểm đang tạm thời gián đoạn", failed.Single().Text);
        Assert.False(self.GetProperty("final").GetBoolean());
        Assert.Equal(StaffPeople.FullMarks.Count, self.GetProperty("items").EnumerateObject().Count());
    }

    private async Task<JsonElement> AssessmentAsync() =>
        await Core.Api().GetFromJsonAsync<JsonElement>("/api/v1/communes/cam-vu/years/2026/assessment");
}
