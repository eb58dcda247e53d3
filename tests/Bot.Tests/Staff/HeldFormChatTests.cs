using System.Net.Http.Json;
using System.Text.Json;
using Bot.People;

namespace Bot.Tests.Staff;

/// <summary>Held forms move only by an appraiser's decision, given in chat with a reason, in a year whose scheme counts open forms.</summary>
[Collection(RedisTests.Name)]
public sealed class HeldFormChatTests : BotTestBase, IDisposable
{
    private readonly DialogsCopy _scheme;

    public HeldFormChatTests(RedisServer redis) : this(redis, DialogsCopy.CountingOpenForms(2026))
    {
    }

    private HeldFormChatTests(RedisServer redis, DialogsCopy scheme) : base(redis)
    {
        _scheme = scheme;
        DialogsDirectory = scheme.Path;
    }

    public void Dispose() => _scheme.Dispose();

    private async Task PostOpenAsync(string id, string submittedAt, string? startedAt = null, string[]? answers = null)
    {
        var response = await Core.Api().PostAsJsonAsync("/api/v1/survey-responses", new
        {
            responseId = id, form = "citizen", communeId = "cam-vu", year = 2026, answers = answers ?? ["tot", "tot", "kha", "tot", "tot"],
            submittedAt, channel = "directline", source = "open", deviceHash = "device-" + id, addressHash = "address-desk", startedAt,
        });
        response.EnsureSuccessStatusCode();
    }

    private async Task<JsonElement> A1Async() =>
        (await Core.Api().GetFromJsonAsync<JsonElement>("/api/v1/communes/cam-vu/years/2026/scorecard")).GetProperty("a1");

    [Fact]
    public async Task Recognition_SaysWhatItLeavesOut_HeldFormsAndASurveyWithNoForm_BeforeAndAfterItIsRecorded()
    {
        await PostOpenAsync("o-1", "2026-11-25T09:00:00+07:00", startedAt: "2026-11-25T08:57:00+07:00");
        await PostOpenAsync("o-2", "2026-11-25T09:00:20+07:00", startedAt: "2026-11-25T09:00:05+07:00");
        var items = Scoring.Loading.SchemeLoader.Load().Rubric.Leaves.ToDictionary(l => l.Id, l => l.Max);
        const string CamVu = "/api/v1/communes/cam-vu/years/2026";
        (await Core.Api().PutAsJsonAsync(CamVu + "/self-assessment", new { items, submittedBy = "Văn phòng xã", final = true })).EnsureSuccessStatusCode();
        (await Core.Api().PutAsJsonAsync(CamVu + "/appraisal", new { items, reasons = new Dictionary<string, string>(), appraisedBy = "Phòng Nội vụ" })).EnsureSuccessStatusCode();
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");
        var today = Bot.Clock.Now.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

        var preview = (await appraiser.SayAsync("công nhận Cẩm Vũ")).Single().Text!.Split('\n');
        var recorded = (await appraiser.SayAsync($"công nhận Cẩm Vũ 16/QĐ-UBND {today}")).Single().Text!.Split('\n');

        string[] cautions =
        [
            "Lưu ý: 1 phiếu khảo sát đang chờ xét (“phiếu chờ xét xã Cẩm Vũ”) không được tính vào điểm; khi kết quả đã khép lại thì không xét được nữa.",
            "Lưu ý: A2 không có phiếu nào được tính (điểm A2 là 0); khi kết quả đã khép lại thì không nhận thêm phiếu.",
        ];
        Assert.StartsWith("Xã Cẩm Vũ năm 2026: đã thẩm định, chờ quyết định công nhận;", preview[0], StringComparison.Ordinal);
        Assert.Equal(cautions, preview[^2..]);
        Assert.StartsWith("Đã ghi quyết định 16/QĐ-UBND", recorded[0], StringComparison.Ordinal);
        Assert.Equal(cautions, recorded[1..]);
        // The decision was signed: it is recorded all the same.
        Assert.Equal("recognised", (await Core.Api().GetFromJsonAsync<JsonElement>(CamVu + "/scorecard")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Appraiser_SeesWhyFormsWereHeld_AndCountsOrExcludesThemWithAReason()
    {
        await PostOpenAsync("o-1", "2026-11-25T09:00:00+07:00", startedAt: "2026-11-25T08:57:00+07:00");
        await PostOpenAsync("o-2", "2026-11-25T09:00:20+07:00", startedAt: "2026-11-25T09:00:05+07:00", answers: ["kha", "kha", "kha", "kha", "kha"]);
        await PostOpenAsync("o-3", "2026-11-25T09:02:00+07:00", answers: ["yeu", "yeu", "yeu", "yeu", "yeu"]);
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");

        var card = await appraiser.SayAsync("điểm Cẩm Vũ");
        var list = await appraiser.SayAsync("phiếu chờ xét Cẩm Vũ");
        var noReason = await appraiser.SayAsync("tính phiếu 1");
        var outOfRange = await appraiser.SayAsync("tính phiếu 9 lý do");
        var counted = await appraiser.SayAsync("tính phiếu 1 Đã gọi điện, người dân xác nhận");
        var excluded = await appraiser.SayAsync("loại phiếu 2 cùng máy tính bảng, cách một phút");
        var twice = await appraiser.SayAsync("loại phiếu 1 đổi ý");

        Assert.Contains("Phiếu không tính vào A1, A2: 2 chờ thẩm định xem xét, 0 đã loại, 0 là góp ý", Conversation.CardText(card.Single()), StringComparison.Ordinal);
        var lines = list.Single().Text!.Split('\n');
        Assert.StartsWith("Phiếu chờ xét của xã Cẩm Vũ năm 2026", lines[0], StringComparison.Ordinal);
        Assert.Contains("1. phiếu người dân, gửi lúc 09:00 25/11, 5 điểm – giữ lại vì: trả lời xong nhanh hơn thời gian đọc câu hỏi", lines);
        Assert.Contains(lines, l => l.StartsWith("2. phiếu người dân, gửi lúc 09:02 25/11, 0 điểm – giữ lại vì: nhiều phiếu từ cùng một địa chỉ mạng", StringComparison.Ordinal));
        Assert.Contains("ghi kèm lý do", noReason.Single().Text, StringComparison.Ordinal);
        Assert.Contains("với số trong danh sách", outOfRange.Single().Text, StringComparison.Ordinal);
        Assert.Contains("Đã tính phiếu số 1 của xã Cẩm Vũ vào điểm. Lý do: Đã gọi điện, người dân xác nhận", counted.Single().Text, StringComparison.Ordinal);
        Assert.Contains("Đã loại phiếu số 2", excluded.Single().Text, StringComparison.Ordinal);
        Assert.Contains("hệ thống chấm điểm chưa nhận", twice.Single().Text, StringComparison.Ordinal);
        var a1 = await A1Async();
        Assert.Equal(2, a1.GetProperty("responses").GetInt32());
        Assert.Equal(0, a1.GetProperty("held").GetInt32());
        Assert.Equal(1, a1.GetProperty("excluded").GetInt32());
        Assert.Equal(7m, a1.GetProperty("score").GetDecimal()); // o-1 (9) and the accepted o-2 (5)
        Assert.Contains("không có phiếu nào chờ xét", (await appraiser.SayAsync("phiếu chờ xét Cẩm Vũ")).Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Appraiser_DecidesSeveralHeldFormsAtOnce_WithOneReason()
    {
        foreach (var (id, at) in new[] { ("t-1", "09:00:10"), ("t-2", "09:00:20"), ("t-3", "09:00:30") })
        {
            // Finished in seconds: each is held as too fast.
            await PostOpenAsync(id, $"2026-11-25T{at}+07:00", startedAt: "2026-11-25T09:00:00+07:00");
        }
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");
        await appraiser.SayAsync("phiếu chờ xét Cẩm Vũ");

        var counted = await appraiser.SayAsync("tính phiếu 1, 3 Máy tính bảng của Bộ phận một cửa, đã xác minh");
        var beyond = await appraiser.SayAsync("loại phiếu 2-4 lý do");
        var again = await appraiser.SayAsync("loại phiếu 1-2 cùng một máy");

        Assert.Contains("Đã tính phiếu số 1, 3 của xã Cẩm Vũ vào điểm. Lý do: Máy tính bảng của Bộ phận một cửa, đã xác minh", counted.Single().Text, StringComparison.Ordinal);
        Assert.Contains("với số trong danh sách", beyond.Single().Text, StringComparison.Ordinal);
        // Form 1 was counted already: the core refuses it, form 2 is excluded.
        Assert.Contains(again, r => r.Text!.Contains("Đã loại phiếu số 2 của xã Cẩm Vũ", StringComparison.Ordinal));
        Assert.Contains(again, r => r.Text!.Contains("hệ thống chấm điểm chưa nhận", StringComparison.Ordinal));
        var a1 = await A1Async();
        Assert.Equal(2, a1.GetProperty("responses").GetInt32());
        Assert.Equal(0, a1.GetProperty("held").GetInt32());
        Assert.Equal(1, a1.GetProperty("excluded").GetInt32());
    }
}
