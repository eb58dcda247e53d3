using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bot.People;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SkiaSharp;

namespace Bot.Tests.Staff;

/// <summary>
/// Officials' pictures (issue 15 §3): the rollup and the scorecard come with a chart behind a
/// signed, expiring link: in the card on Web Chat and Teams, as a picture on Zalo; the PNG decodes
/// at its size with bars and target marks drawn; the workbook carries the figures it is drawn from.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class ChartTests(RedisServer redis) : BotTestBase(redis)
{
    private static readonly SKColor Bars = SKColor.Parse("#1f6fb4");
    private static readonly SKColor Target = SKColor.Parse("#c62828");

    /// <summary>Cẩm Vũ appraised (final), Cẩm Bình submitted (provisional), Tứ Minh nothing.</summary>
    private async Task SeedAsync()
    {
        await StaffPeople.SubmittedAsync(Core, "cam-vu");
        (await Core.Api().PutAsJsonAsync("/api/v1/communes/cam-vu/years/2026/appraisal",
            new { items = StaffPeople.FullMarks, reasons = new Dictionary<string, string>(), appraisedBy = "Phòng Nội vụ" })).EnsureSuccessStatusCode();
        await StaffPeople.SubmittedAsync(Core, "cam-binh");
    }

    private static string ImageUrl(JsonElement card) =>
        card.GetProperty("content").GetProperty("body").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "Image").GetProperty("url").GetString()!;

    /// <summary>The PNG decoded: its size, and how many pixels are of a colour (to know bars and targets were drawn).</summary>
    private static (int Width, int Height, int Bars, int Targets) Decode(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        int bars = 0, targets = 0;
        foreach (var pixel in bitmap.Pixels)
        {
            bars += pixel == Bars ? 1 : 0;
            targets += pixel == Target ? 1 : 0;
        }
        return (bitmap.Width, bitmap.Height, bars, targets);
    }

    [Fact]
    public async Task Rollup_OnWebChat_HasItsChartInTheCard_AndThePngDecodesWithBarsAndTargets()
    {
        await SeedAsync();
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd", "webchat");

        var reply = (await appraiser.SayAsync("tổng hợp")).Single();
        var url = ImageUrl(reply.Attachments!.Single());
        var response = await Bot.CreateClient().GetAsync(new Uri(url, UriKind.RelativeOrAbsolute).IsAbsoluteUri ? new Uri(url).PathAndQuery : url);

        Assert.Matches("/exports/[A-Za-z0-9_.-]+/bieu-do.png$", url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        var (width, height, bars, targets) = Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((900, 500), (width, height));
        Assert.True(bars > 1000, $"only {bars} pixels of the final bars' colour");
        Assert.True(targets > 100, $"only {targets} pixels of the targets' colour");
    }

    [Fact]
    public async Task Scorecard_OnZalo_ComesWithItsChartAsAPicture_ThatTheCommunesOwnStaffMayOpen()
    {
        await SeedAsync();
        var staff = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-vu", "zalo");

        var reply = (await staff.SayAsync("điểm")).Single();
        var picture = reply.Attachments!.Single();
        var url = picture.GetProperty("contentUrl").GetString()!;
        var path = url[url.IndexOf("/exports/", StringComparison.Ordinal)..];
        var chart = await Bot.CreateClient().GetAsync(path);
        // The same person's token does not open the unit's rollup chart or its workbook: staff see their own commune.
        var rollup = await Bot.CreateClient().GetAsync(path.Replace("bieu-do-xa.png", "bieu-do.png", StringComparison.Ordinal));
        var workbook = await Bot.CreateClient().GetAsync(path.Replace("bieu-do-xa.png", "bang-diem.xlsx", StringComparison.Ordinal));

        Assert.Equal("image/png", picture.GetProperty("contentType").GetString());
        Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
        var (width, height, bars, _) = Decode(await chart.Content.ReadAsByteArrayAsync());
        Assert.Equal((900, 500), (width, height));
        Assert.True(bars > 1000, $"only {bars} pixels of the points' colour");
        Assert.Equal(HttpStatusCode.Forbidden, rollup.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, workbook.StatusCode);
    }

    [Fact]
    public async Task ChartLink_Expired_IsRefused()
    {
        await SeedAsync();
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd", "webchat");
        var url = ImageUrl((await appraiser.SayAsync("điểm Cẩm Vũ")).Single().Attachments!.Single());
        var path = url[url.IndexOf("/exports/", StringComparison.Ordinal)..];

        var fresh = await Bot.CreateClient().GetAsync(path);
        Bot.Clock.Now += TimeSpan.FromMinutes(31);
        var expired = await Bot.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
    }

    [Fact]
    public async Task Workbook_HasTheChartsFigures_AndEveryCommunesAuditTrail()
    {
        await SeedAsync();
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");
        var text = (await appraiser.SayAsync("xuất báo cáo")).Single().Text!;
        var xlsx = System.Text.RegularExpressions.Regex.Match(text, @"/exports/[A-Za-z0-9_.-]+/bang-diem\.xlsx").Value;

        var bytes = await (await Bot.CreateClient().GetAsync(xlsx)).Content.ReadAsByteArrayAsync();

        var figures = Sheet(bytes, "Số liệu biểu đồ");
        Assert.Equal(["Nhóm", "Chính thức (đã thẩm định)", "Tạm tính (đã nộp, chưa thẩm định)", "Chỉ tiêu của tỉnh"], figures[0]);
        // Full marks everywhere but no surveys: 80 points, Mức 1 for both (one final, one provisional).
        var meeting = figures.Single(r => r[0] == "Đạt chuẩn (mức 1–4)");
        Assert.Equal(["1", "1", "3"], meeting[1..]);
        var level4 = figures.Single(r => r[0] == "Chuẩn Mức độ 4");
        Assert.Equal(["0", "0", "1"], level4[1..]);
        var history = Sheet(bytes, "Lịch sử thay đổi");
        Assert.Equal("Thay đổi", history[0][3]);
        Assert.Contains(history, r => r[0] == "cam-vu" && r[3] == "thẩm định" && r[4] == "Phòng Nội vụ");
        Assert.Contains(history, r => r[0] == "cam-binh" && r[3] == "nộp bản tự chấm chính thức");
    }

    /// <summary>The rows of the named sheet, each as its cells' text in column order.</summary>
    private static List<string[]> Sheet(byte[] bytes, string name)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Descendants<Sheet>().Single(s => s.Name == name);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        return [.. part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToArray())];
    }
}
