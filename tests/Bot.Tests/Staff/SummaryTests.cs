using System.Net;
using System.Net.Http.Json;
using System.Text;
using Bot.People;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Bot.Tests.Staff;

[Collection(RedisTests.Name)]
public sealed class SummaryTests(RedisServer redis) : BotTestBase(redis)
{
    /// <summary>Cẩm Vũ: 2 citizen forms (all Tốt; 4 Tốt + 1 Yếu), 1 cadre form (all Khá), B submitted 74 (1.6 lost 6). The others: nothing yet.</summary>
    private async Task SeedAsync()
    {
        var api = Core.Api();
        async Task Form(string id, string form, string[] answers) =>
            (await api.PostAsJsonAsync("/api/v1/survey-responses", new { responseId = id, form, communeId = "cam-vu", year = 2026, answers, submittedAt = "2026-11-24T09:00:00+07:00", channel = "webchat" })).EnsureSuccessStatusCode();
        await Form("r1", "citizen", ["tot", "tot", "tot", "tot", "tot"]);
        await Form("r2", "citizen", ["tot", "tot", "tot", "tot", "yeu"]);
        await Form("r3", "cadre", ["kha", "kha", "kha", "kha", "kha"]);
        await StaffPeople.SubmittedAsync(Core, "cam-vu", new Dictionary<string, decimal>(StaffPeople.FullMarks) { ["1.6"] = 1m });
    }

    [Fact]
    public async Task Scorecard_IsACardOnWebChat_AndPlainTextOnZalo()
    {
        await SeedAsync();
        var web = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-vu", "webchat");
        var zalo = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-vu", "zalo");

        var onWeb = (await web.SayAsync("điểm")).Single();
        var onZalo = (await zalo.SayAsync("xem điểm")).Single();

        // A1 = (10 + 8) / 2 = 9; A2 = 5; B = 74 → 88, Mức 2, 2 short of Mức 3.
        var expected = string.Join("\n",
            "Bảng điểm xã Cẩm Vũ – năm 2026",
            "A1 – Người dân (2 phiếu): 9/10",
            "A2 – Cán bộ thôn (1 phiếu): 5/10",
            "B – Xã tự chấm: 74/80",
            "B – Thẩm định: chưa thẩm định",
            "Tổng điểm: 88",
            "Xếp loại: Chuẩn Mức độ 2",
            "Kết quả: tạm tính, chưa thẩm định",
            "Tự chấm: đã nộp",
            "Lưu ý: A1 mới có 2 phiếu được tính, ít hơn số phiếu tối thiểu của năm; điểm A1 chưa đủ tin cậy.",
            "Lưu ý: A2 mới có 1 phiếu được tính, ít hơn số phiếu tối thiểu của năm; điểm A2 chưa đủ tin cậy.",
            "Còn thiếu 2 điểm để đạt Chuẩn Mức độ 3",
            "Mất nhiều điểm nhất:",
            "• 1.6 100% TTHC thuộc thẩm quyền cấp xã giải quyết trước và trong hạn (−6)");
        Assert.Equal(expected, onZalo.Text);
        // On Zalo the chart comes as a picture with the text.
        Assert.Equal("image/png", onZalo.Attachments!.Single().GetProperty("contentType").GetString());
        // Where cards render, the card alone carries the content; its text is the one-line title, not the same again.
        Assert.Equal("Bảng điểm xã Cẩm Vũ – năm 2026", onWeb.Text);
        var card = onWeb.Attachments!.Single();
        Assert.Equal("application/vnd.microsoft.card.adaptive", card.GetProperty("contentType").GetString());
        var body = card.GetProperty("content").GetProperty("body");
        Assert.Equal("Image", body[1].GetProperty("type").GetString());
        var facts = body[2].GetProperty("facts");
        Assert.Equal("Tổng điểm", facts[4].GetProperty("title").GetString());
        Assert.Equal("88", facts[4].GetProperty("value").GetString());
        // The list of items that lost most points: a text block a line, as a card does not break lines itself.
        Assert.Equal("• 1.6 100% TTHC thuộc thẩm quyền cấp xã giải quyết trước và trong hạn (−6)", body[body.GetArrayLength() - 1].GetProperty("text").GetString());
        Assert.Equal("Mất nhiều điểm nhất:", body[body.GetArrayLength() - 2].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Scorecard_WithNoFormYet_SaysSo_NotThatItHasZeroForms()
    {
        var zalo = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "tu-minh", "zalo");

        var text = (await zalo.SayAsync("xem điểm")).Single().Text!;

        Assert.Contains("Lưu ý: A1 chưa có phiếu nào được tính; điểm A1 là 0 cho tới khi có phiếu.", text, StringComparison.Ordinal);
        Assert.Contains("Lưu ý: A2 chưa có phiếu nào được tính; điểm A2 là 0 cho tới khi có phiếu.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("mới có 0 phiếu", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollup_CountsLevels_AgainstTheTarget_ListsWhoHasNotSubmitted_AndTheWeakestQuestions()
    {
        await SeedAsync();
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd", "zalo");

        var text = (await appraiser.SayAsync("tổng hợp Hải Dương 2026")).Single().Text!;
        var badYear = (await appraiser.SayAsync("tổng hợp 2031")).Single().Text!;
        var lastYear = (await appraiser.SayAsync("tổng hợp năm ngoái")).Single().Text!;

        Assert.True(text.Contains("Tổng hợp tỉnh Hải Dương – năm 2026", StringComparison.Ordinal), text);
        Assert.Contains("Số xã, phường: 3", text);
        // Cẩm Vũ has submitted but is not appraised: no final level yet, shown beside as provisional.
        Assert.Contains("Không đạt chuẩn: 0", text);
        Assert.Contains("Chuẩn Mức độ 2: 0 (+1 tạm tính)", text);
        Assert.Contains("Đạt chuẩn (từ Mức 1): 0% (chỉ tiêu 90%) ✗ chưa đạt", text);
        Assert.Contains("Trên Mức 1: 0% (chỉ tiêu 50%) ✗ chưa đạt", text);
        Assert.Contains("1 xã đã nộp nhưng chưa thẩm định (tạm tính); nếu thẩm định giữ nguyên, tỷ lệ đạt chuẩn sẽ là 33,33%", text);
        Assert.Contains("Mức 4: 0 (chỉ tiêu ít nhất 1) ✗ chưa đạt", text);
        // 25/11 → 15/12: 20 days.
        Assert.Contains("Chưa nộp tự chấm (2, còn 20 ngày đến hạn 15/12/2026): Xã Cẩm Bình, Phường Tứ Minh", text);
        // Every cadre answer was Khá (1 of 2), as was the mean of citizen question 5; ties go in form id order.
        // Named by what they are about, not only by number.
        Assert.Contains("Câu khảo sát điểm thấp nhất: Cán bộ thôn câu 1 – điều hành phát triển kinh tế, sản xuất (1/2); Cán bộ thôn câu 2 – văn hóa, y tế, giáo dục, an sinh xã hội (1/2); Cán bộ thôn câu 3 – an ninh, trật tự, vệ sinh môi trường (1/2)", text);
        Assert.Contains("2024–2030", badYear);
        Assert.Contains("Tổng hợp tỉnh Hải Dương – năm 2025", lastYear, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollup_ACommuneStillScoring_IsSaidToBeAmongThoseNotSubmitted_NotListedAsIfApart()
    {
        await SeedAsync();
        (await Core.Api().PutAsJsonAsync("/api/v1/communes/cam-binh/years/2026/self-assessment",
            new { items = new Dictionary<string, decimal> { ["1.1.a"] = 1m }, submittedBy = "Cán bộ xã", final = false })).EnsureSuccessStatusCode();
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd", "zalo");

        var text = (await appraiser.SayAsync("tổng hợp")).Single().Text!;

        var notSubmitted = text.IndexOf("Chưa nộp tự chấm (2, còn 20 ngày đến hạn 15/12/2026): Xã Cẩm Bình, Phường Tứ Minh", StringComparison.Ordinal);
        var stillScoring = text.IndexOf("Trong số đó, đang tự chấm (1): Xã Cẩm Bình", StringComparison.Ordinal);
        Assert.True(notSubmitted >= 0 && stillScoring > notSubmitted, text);
    }

    [Fact]
    public async Task Ranking_ListsTheCommunesThatSubmitted_ByTheirRealTotals_AndTheQuestionGetsTheSame()
    {
        await SeedAsync();
        // Cẩm Bình: full marks in B, appraised so; no survey forms yet (80).
        await StaffPeople.SubmittedAsync(Core, "cam-binh");
        (await Core.Api().PutAsJsonAsync("/api/v1/communes/cam-binh/years/2026/appraisal",
            new { items = StaffPeople.FullMarks, reasons = new Dictionary<string, string>(), appraisedBy = "Sở Nội vụ" })).EnsureSuccessStatusCode();
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd", "zalo");

        var text = (await appraiser.SayAsync("xếp hạng")).Single().Text!;
        var asked = (await appraiser.SayAsync("xã nào điểm cao nhất?")).Single().Text!;
        var badYear = (await appraiser.SayAsync("xếp hạng 2031")).Single().Text!;
        var placed = (await appraiser.SayAsync("xếp hạng Cẩm Bình")).Single().Text!.Split('\n');

        Assert.Equal(
        [
            "Tỉnh Hải Dương năm 2026: 2 xã, phường đã nộp bản tự chấm, theo tổng điểm từ cao xuống thấp:",
            "1. Xã Cẩm Vũ: 88 điểm, Chuẩn Mức độ 2 (tạm tính, chưa thẩm định)",
            "2. Xã Cẩm Bình: 80 điểm, Chuẩn Mức độ 1 (đã thẩm định)",
            "1 xã chưa nộp bản tự chấm nên chưa có điểm để xếp.",
            "Đề án xếp loại theo mức đạt chuẩn, không xếp thứ hạng: thứ tự này chỉ để tham khảo, và điểm tạm tính có thể thay đổi khi thẩm định.",
        ], text.Split('\n'));
        Assert.Equal(text, asked);
        Assert.Contains("2024–2030", badYear);
        // A commune named is placed in the person's unit, not ranked alone.
        Assert.Equal(text.Split('\n')[0], placed[0]);
        Assert.Equal("Xã Cẩm Bình: thứ 2 trong 2 xã, phường đã nộp, 80 điểm.", placed[^2]);
    }

    [Fact]
    public async Task Export_GivesAnXlsxAndACsv_WithEveryCommunesScorecard()
    {
        await SeedAsync();
        var (xlsx, csv) = await ExportAsAnAppraiserAsync();

        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        Assert.Equal("bang-diem-hd-2026.xlsx", xlsx.Content.Headers.ContentDisposition!.FileNameStar ?? xlsx.Content.Headers.ContentDisposition.FileName);
        var cells = ReadSheet(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal("Mã xã", cells["A1"]);
        Assert.Equal("Tổng điểm", cells["J1"]);
        // Rows in commune id order: cam-binh, cam-vu, tu-minh.
        Assert.Equal("cam-vu", cells["A3"]);
        Assert.Equal("Xã Cẩm Vũ", cells["B3"]);
        Assert.Equal("9", cells["D3"]);
        Assert.Equal("2", cells["E3"]);
        Assert.Equal("74", cells["H3"]);
        Assert.Equal("88", cells["J3"]);
        Assert.Equal("Chuẩn Mức độ 2", cells["K3"]);
        Assert.Equal("x", cells["M3"]);
        Assert.Equal("2", cells["N3"]);
        Assert.Equal("tạm tính, chưa thẩm định", cells["O3"]);
        Assert.Equal("0", cells["P3"]);
        Assert.Equal("Phường Tứ Minh", cells["B4"]);
        Assert.Equal("chưa có bản tự chấm", cells["O4"]);
        var csvBytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), csvBytes[..3]);
        var lines = Encoding.UTF8.GetString(csvBytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("Mã xã,Tên xã,Năm,A1", lines[0]);
        Assert.Equal("cam-vu,Xã Cẩm Vũ,2026,9,2,5,1,74,,88,Chuẩn Mức độ 2,,x,2,\"tạm tính, chưa thẩm định\",0,,,0", lines[2]);
    }

    [Fact]
    public async Task Export_AUnitNameKeptWithAControlCharacter_StillGivesAWorkbookThatOpens()
    {
        // Kept before the core refused them: a NUL in an XLSX cell used to fail the whole export (500).
        // The name is cleaned where the bot reads the tree; the audit trail's reason by the export itself.
        using (var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString))
        {
            await connection.GetDatabase().HashSetAsync(Core.KeyPrefix + "{units}", "cam-vu", """{"id":"cam-vu","name":"Xã Cẩm\u0000 Vũ\u0007","kind":"commune","parentId":"hd"}""");
            await connection.GetDatabase().ListRightPushAsync(Core.KeyPrefix + "{cam-vu:2026}:history", """{"at":"2026-11-24T03:00:00+00:00","change":"disqualification","by":"Phòng\u0007 Nội vụ","detail":"complaints","reason":"Khiếu nại\u0000"}""");
        }
        var (xlsx, csv) = await ExportAsAnAppraiserAsync();

        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.Equal("Xã Cẩm Vũ", ReadSheet(bytes)["B3"]);
        Assert.Contains("Khiếu nại", ReadSheet(bytes, number: 3).Values);
        Assert.Contains("Phòng Nội vụ", ReadSheet(bytes, number: 3).Values);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains("\r\ncam-vu,Xã Cẩm Vũ,2026,", await csv.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ExportLink_Tampered_Expired_OrOfARevokedPerson_IsRefused()
    {
        var admin = await StaffPeople.EnrolledAsync(Bot, StaffRole.Admin, "hd");
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");
        var (adminXlsx, _) = await LinksAsync(admin);
        var (appraiserXlsx, _) = await LinksAsync(appraiser);
        var http = Bot.CreateClient();
        var token = adminXlsx.Split('/')[2];
        var tampered = adminXlsx.Replace(token, token[..^1] + (token[^1] == 'A' ? 'B' : 'A'), StringComparison.Ordinal);

        var ok = await http.GetAsync(adminXlsx);
        var wrongFile = await http.GetAsync(adminXlsx.Replace("bang-diem.xlsx", "khac.xlsx", StringComparison.Ordinal));
        var forged = await http.GetAsync(tampered);
        var list = (await admin.SayAsync("danh sách đăng ký")).Single().Text!;
        var appraiserId = System.Text.RegularExpressions.Regex.Match(list, @"\[([0-9a-f]{8})\] cán bộ thẩm định").Groups[1].Value;
        await admin.SayAsync("thu hồi " + appraiserId);
        var revoked = await http.GetAsync(appraiserXlsx);
        Bot.Clock.Now += TimeSpan.FromMinutes(31);
        var expired = await http.GetAsync(adminXlsx);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        foreach (var refused in new[] { wrongFile, forged, revoked, expired })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("Đường link tải báo cáo không hợp lệ, đã hết hạn", await refused.Content.ReadAsStringAsync());
        }
    }

    /// <summary>A province appraiser's "xuất báo cáo", both files fetched from their links.</summary>
    private async Task<(HttpResponseMessage Xlsx, HttpResponseMessage Csv)> ExportAsAnAppraiserAsync()
    {
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");
        var (xlsxPath, csvPath) = await LinksAsync(appraiser);
        var http = Bot.CreateClient();
        return (await http.GetAsync(xlsxPath), await http.GetAsync(csvPath));
    }

    private static async Task<(string Xlsx, string Csv)> LinksAsync(Conversation conversation)
    {
        var text = (await conversation.SayAsync("xuất báo cáo")).Single().Text!;
        var links = System.Text.RegularExpressions.Regex.Matches(text, @"/exports/[A-Za-z0-9_.-]+/bang-diem\.(xlsx|csv)").Select(m => m.Value).ToList();
        Assert.Equal(2, links.Count);
        return (links[0], links[1]);
    }

    /// <summary>Every cell of a sheet (the first unless said) by reference ("B3"), as text.</summary>
    private static Dictionary<string, string> ReadSheet(byte[] bytes, int number = 1)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var first = workbook.Workbook.Descendants<Sheet>().ElementAt(number - 1);
        var sheet = ((WorksheetPart)workbook.GetPartById(first.Id!)).Worksheet;
        return sheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!, c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "");
    }
}
