using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bot.People;

namespace Bot.Tests.Staff;

/// <summary>Running the surveys in chat: the desk's invitation, a cadre's registration, paper sheets, the round and its progress.</summary>
[Collection(RedisTests.Name)]
public sealed class SurveyRunningTests(RedisServer redis) : BotTestBase(redis)
{
    private async Task<JsonElement> ScorecardAsync() => await Core.Api().GetFromJsonAsync<JsonElement>("/api/v1/communes/cam-vu/years/2026/scorecard");

    [Fact]
    public async Task DeskStaff_InviteACase_GetTheQrAsAPictureAndTheCode_AndTheCitizensFormCounts()
    {
        var desk = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-vu", channel: "msteams");
        // Anonymous requests with a forged Host must not redirect the links sent to staff.
        foreach (var path in new[] { "/s/assets/survey.css", "/v3/directline/conversations", "/api/messages" })
        {
            using var forged = new HttpRequestMessage(path.StartsWith("/s/", StringComparison.Ordinal) ? HttpMethod.Get : HttpMethod.Post, path);
            forged.Headers.Host = "evil.example";
            forged.Content = path.StartsWith("/s/", StringComparison.Ordinal) ? null : new StringContent("{", System.Text.Encoding.UTF8, "application/json");
            await Bot.CreateClient().SendAsync(forged);
        }

        var replies = await desk.SayAsync("mời khảo sát 000.00.25.H23-251126-0042");

        var reply = replies.Single();
        var code = System.Text.RegularExpressions.Regex.Match(reply.Text!, "khảo sát ([A-Z2-9]{4}-[A-Z2-9]{4})").Groups[1].Value;
        Assert.NotEmpty(code);
        Assert.Contains("hồ sơ 000.00.25.H23-251126-0042", reply.Text, StringComparison.Ordinal);
        Assert.Contains("http://localhost/s/i/" + code, reply.Text, StringComparison.Ordinal);
        var picture = Assert.Single(reply.Attachments!);
        Assert.Equal("image/png", picture.GetProperty("contentType").GetString());
        var qr = picture.GetProperty("contentUrl").GetString()!;
        Assert.StartsWith("http://localhost/s/i/" + code, qr, StringComparison.Ordinal);
        var png = await Bot.CreateClient().GetByteArrayAsync(new Uri(qr).PathAndQuery);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
        // The one-stop software asking for the same case gets the same invitation: one case, one form.
        Assert.Equal(code, await Surveys.InviteAsync(Bot, "cam-vu", "000.00.25.H23-251126-0042"));

        await Surveys.CompleteInvitedCitizenAsync(Bot, Bot.Conversation("zalo"), "cam-vu", "000.00.25.H23-251126-0042");
        await Surveys.EventuallyAsync(async () => (await ScorecardAsync()).GetProperty("a1").GetProperty("responses").GetInt32() == 1, "the form to count");

        // The appraiser audits A1 case by case, from the one-stop software's list of cases.
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");
        var answered = await appraiser.SayAsync("kiểm tra hồ sơ Cẩm Vũ 000.00.25.H23-251126-0042");
        var unanswered = await appraiser.SayAsync("kiểm tra hồ sơ Cẩm Vũ 000.00.25.H23-251126-0043");
        Assert.Contains("Hồ sơ 000.00.25.H23-251126-0042 của xã Cẩm Vũ có một phiếu khảo sát, gửi lúc 10:00 25/11/2026, 7,5 điểm: được tính vào A1", answered.Single().Text, StringComparison.Ordinal);
        Assert.Contains("chưa có phiếu khảo sát nào", unanswered.Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeskStaff_InvitingOutsideTheRound_AreToldTheFormWillBeFeedback_AndInsideItNothingMore()
    {
        var desk = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-vu");
        var inside = await desk.SayAsync("mời khảo sát case-in-the-week");

        Bot.Clock.Now = DateTimeOffset.Parse("2026-12-04T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        Core.Clock.Now = Bot.Clock.Now;
        var after = await desk.SayAsync("mời khảo sát case-in-december");

        Assert.StartsWith("Mời Ông/Bà quét mã QR", inside.Single().Text, StringComparison.Ordinal);
        Assert.Equal(2, after.Count);
        Assert.StartsWith("Mời Ông/Bà quét mã QR", after[0].Text, StringComparison.Ordinal);
        Assert.Single(after[0].Attachments!);
        Assert.Equal("Lưu ý cho cán bộ: hôm nay không thuộc đợt khảo sát của xã Cẩm Vũ (23/11–27/11), nên phiếu của hồ sơ này được gửi tới xã làm góp ý "
            + "để cải thiện việc phục vụ, không tính điểm năm 2026. Người dân vẫn trả lời bình thường.", after[1].Text);
    }

    [Fact]
    public async Task ACaseTheDeskInvited_IsMarkedSoOnItsForm_UnlessTheOneStopSoftwareAskedForTheSameCase()
    {
        var desk = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-vu", channel: "msteams");
        var deskOnly = CodeIn(await desk.SayAsync("mời khảo sát case-desk-only"));
        var confirmed = CodeIn(await desk.SayAsync("mời khảo sát case-desk-confirmed"));
        // The one-stop software then asks for the second case: the case is in its records.
        Assert.Equal(confirmed, await Surveys.InviteAsync(Bot, "cam-vu", "case-desk-confirmed"));
        var again = CodeIn(await desk.SayAsync("mời khảo sát case-desk-again"));
        var tablet = Bot.Conversation();
        // The last is answered on the same account as the first: held, and the appraiser sees who made its code.
        foreach (var (code, citizen) in new[] { (deskOnly, tablet), (confirmed, Bot.Conversation()), (again, tablet) })
        {
            await citizen.SayAsync($"khảo sát {code}");
            foreach (var answer in Surveys.CitizenAnswers)
            {
                await citizen.SayAsync(answer);
            }
            Assert.Contains("Xin trân trọng cảm ơn", (await citizen.SayAsync("gửi"))[0].Text, StringComparison.Ordinal);
        }
        await Surveys.CompleteInvitedCitizenAsync(Bot, Bot.Conversation(), "cam-vu", "case-software");
        await Surveys.EventuallyAsync(async () => await Core.ResponsesAsync("cam-vu") == 4, "the four forms to reach the core");

        var forms = await Core.Api().GetFromJsonAsync<JsonElement>("/api/v1/communes/cam-vu/years/2026/survey-forms");
        Assert.Equal(["desk", "desk", "software", "software"], forms.EnumerateArray().Select(f => f.GetProperty("issuedBy").GetString()).Order(StringComparer.Ordinal));
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");
        var audits = new List<string>();
        foreach (var caseCode in new[] { "case-desk-only", "case-desk-confirmed", "case-software" })
        {
            audits.Add((await appraiser.SayAsync($"kiểm tra hồ sơ Cẩm Vũ {caseCode}")).Single().Text!);
        }
        var progress = (await appraiser.SayAsync("tiến độ khảo sát")).Single().Text!.Split('\n');
        var held = (await appraiser.SayAsync("phiếu chờ xét Cẩm Vũ")).Single().Text!.Split('\n');
        var deskForms = (await appraiser.SayAsync("phiếu xã tự mời Cẩm Vũ")).Single().Text!.Split('\n');
        var noDeskForms = (await appraiser.SayAsync("phiếu xã tự mời Cẩm Bình")).Single().Text!;
        var card = Conversation.CardText((await appraiser.SayAsync("điểm Cẩm Vũ")).Single());

        // Which of the tablet's two forms is held depends on which the outbox delivers first.
        Assert.EndsWith(". Phiếu trả lời theo mã mời do Bộ phận Một cửa của xã tạo.", audits[0], StringComparison.Ordinal);
        Assert.EndsWith("Phiếu trả lời theo mã mời do phần mềm một cửa cấp.", audits[1], StringComparison.Ordinal);
        Assert.EndsWith("Phiếu trả lời theo mã mời do phần mềm một cửa cấp.", audits[2], StringComparison.Ordinal);
        Assert.Contains(progress, l => l.StartsWith("• Xã Cẩm Vũ: 3/30, còn thiếu 27; chờ xét 1, đã loại 0; 2 phiếu đến từ mã mời do Bộ phận Một cửa của xã tự tạo", StringComparison.Ordinal));
        Assert.DoesNotContain(progress, l => l.StartsWith("• Xã Cẩm Bình", StringComparison.Ordinal) && l.Contains("Bộ phận Một cửa", StringComparison.Ordinal));
        Assert.Contains(held, l => l.StartsWith("1. phiếu người dân của hồ sơ tiếp nhận lúc 10:00 25/11 (mã mời do Bộ phận Một cửa của xã tạo), gửi lúc", StringComparison.Ordinal));
        // The two forms from the desk's own codes, by when their cases were received: one counted, one held.
        Assert.StartsWith("Phiếu từ mã mời do Bộ phận Một cửa của xã Cẩm Vũ tự tạo, năm 2026 (2 phiếu).", deskForms[0], StringComparison.Ordinal);
        Assert.Equal(4, deskForms.Length);
        Assert.Equal(
            ["được tính vào A1", "đang chờ thẩm định xem xét"],
            deskForms[1..3].Select(l => l[(l.LastIndexOf(": ", StringComparison.Ordinal) + 2)..]).Order(StringComparer.Ordinal).Reverse());
        Assert.All(deskForms[1..3], l => Assert.Matches(@"^\d\. hồ sơ tiếp nhận lúc 10:00 25/11/2026, gửi phiếu lúc \d\d:\d\d 25/11/2026, 7,5 điểm: ", l));
        Assert.Equal("Xã Cẩm Bình không có phiếu khảo sát nào từ mã mời do Bộ phận Một cửa của xã tự tạo trong năm 2026.", noDeskForms);
        Assert.Contains("2 phiếu người dân đến từ mã mời do Bộ phận Một cửa của xã tự tạo (không qua phần mềm một cửa; kể cả phiếu không được tính)", card, StringComparison.Ordinal);
        Assert.Equal(2, (await ScorecardAsync()).GetProperty("a1").GetProperty("fromDesk").GetInt32());
    }

    [Fact]
    public async Task ACaseTheDeskInvitedAndThatWasAnswered_IsTheSoftwares_OnceTheSoftwareAsksForIt_AfterARetryWhileTheCoreWasAway()
    {
        var desk = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-vu", channel: "msteams");
        // The one-stop software sends the day's cases in the evening; the citizen answered at the desk that morning.
        var code = CodeIn(await desk.SayAsync("mời khảo sát case-answered-first"));
        var citizen = Bot.Conversation();
        await citizen.SayAsync($"khảo sát {code}");
        foreach (var answer in Surveys.CitizenAnswers)
        {
            await citizen.SayAsync(answer);
        }
        await citizen.SayAsync("gửi");
        await Surveys.EventuallyAsync(async () => await Core.ResponsesAsync("cam-vu") == 1, "the form to reach the core");
        var request = new { form = "citizen", communeId = "cam-vu", caseCode = "case-answered-first", visitedAt = "2026-11-25T10:00:00+07:00" };
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");

        Bot.CoreSwitch.WritesDown = true;
        using var refused = await Surveys.Invitations(Bot).PostAsJsonAsync("/api/v1/survey-invitations", request);
        using var refusedInABatch = await Surveys.Invitations(Bot).PostAsJsonAsync("/api/v1/survey-invitations", new object[] { request with { caseCode = "case-software-only" }, request });
        Bot.CoreSwitch.WritesDown = false;
        var auditWhileRefused = (await appraiser.SayAsync("kiểm tra hồ sơ Cẩm Vũ case-answered-first")).Single().Text!;
        using var retried = await Surveys.Invitations(Bot).PostAsJsonAsync("/api/v1/survey-invitations", request);

        Assert.Equal(503, (int)refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(30), refused.Headers.RetryAfter?.Delta);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("caseCode", problem.GetProperty("field").GetString());
        Assert.Contains("Xin gửi lại yêu cầu sau ít phút", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // In a batch the problem names the case at fault; a new case needs no word to the core and stays issued.
        Assert.Equal(503, (int)refusedInABatch.StatusCode);
        Assert.Equal("[1].caseCode", (await refusedInABatch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        using var newCaseAgain = await Surveys.Invitations(Bot).PostAsJsonAsync("/api/v1/survey-invitations", request with { caseCode = "case-software-only" });
        Assert.Equal(HttpStatusCode.OK, newCaseAgain.StatusCode);
        Assert.EndsWith("Phiếu trả lời theo mã mời do Bộ phận Một cửa của xã tạo.", auditWhileRefused, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(code, (await retried.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var form = (await Core.Api().GetFromJsonAsync<JsonElement>("/api/v1/communes/cam-vu/years/2026/survey-forms")).EnumerateArray().Single();
        Assert.Equal("software", form.GetProperty("issuedBy").GetString());
        Assert.Equal(0, (await ScorecardAsync()).GetProperty("a1").GetProperty("fromDesk").GetInt32());
        Assert.EndsWith("Phiếu trả lời theo mã mời do phần mềm một cửa cấp.", (await appraiser.SayAsync("kiểm tra hồ sơ Cẩm Vũ case-answered-first")).Single().Text!, StringComparison.Ordinal);
        Assert.Equal("Xã Cẩm Vũ không có phiếu khảo sát nào từ mã mời do Bộ phận Một cửa của xã tự tạo trong năm 2026.", (await appraiser.SayAsync("phiếu xã tự mời Cẩm Vũ")).Single().Text!);
    }

    [Fact]
    public async Task TheSoftwaresRequest_WhileTheCoreHoldsIt_IsAnswered503_AfterScoringCoreTimeoutSeconds_NotLeftHanging()
    {
        Bot.Settings["ScoringCore:TimeoutSeconds"] = "1";
        var desk = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-vu", channel: "msteams");
        CodeIn(await desk.SayAsync("mời khảo sát case-core-stalls"));
        Bot.CoreSwitch.HoldWrites();
        try
        {
            // The test gives up at 30 s, far past the 1 s configured and far short of HttpClient's own 100 s.
            using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            using var answered = await Surveys.Invitations(Bot).PostAsJsonAsync("/api/v1/survey-invitations",
                new { form = "citizen", communeId = "cam-vu", caseCode = "case-core-stalls", visitedAt = "2026-11-25T10:00:00+07:00" }, giveUp.Token);

            // Answered while the core still holds every write: the bot gave up waiting, it did not hang.
            Assert.Equal(503, (int)answered.StatusCode);
            Assert.Equal("caseCode", (await answered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
            Assert.Equal(0, Bot.CoreSwitch.WritesPassed);
        }
        finally
        {
            Bot.CoreSwitch.ReleaseWrites();
        }
    }

    private static string CodeIn(IReadOnlyList<Bot.Activities.Activity> replies) =>
        System.Text.RegularExpressions.Regex.Match(replies.Single().Text!, "khảo sát ([A-Z2-9]{4}-[A-Z2-9]{4})").Groups[1].Value;

    [Fact]
    public async Task DeskStaff_TypingTheirOwnCasesCode_AreAskedToHandItToTheCitizen_AndTheCodeStaysUnused()
    {
        var desk = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-vu", channel: "zalo");
        var otherCommune = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-binh", channel: "zalo");
        var code = await Surveys.InviteAsync(Bot, "cam-vu", "000.00.25.H23-251126-0050");
        var page = await Surveys.InvitationPageAsync(Bot, "cam-vu", "000.00.25.H23-251126-0050");

        var typed = await desk.SayAsync($"khảo sát {code}");
        var shared = await desk.SayAsync("Gửi bác: " + page);
        // Someone at another commune's desk is a resident like any other here.
        var elsewhere = await otherCommune.SayAsync($"khảo sát {code}");

        Assert.Contains("cán bộ của xã không trả lời thay", typed.Single().Text, StringComparison.Ordinal);
        Assert.Contains("cán bộ của xã không trả lời thay", shared.Single().Text, StringComparison.Ordinal);
        Assert.Contains("xã Cẩm Vũ", elsewhere[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("không trả lời thay", Conversation.Texts(elsewhere), StringComparison.Ordinal);
        // The citizen's own answer still counts: the staff member's attempt used nothing.
        await Surveys.CompleteInvitedCitizenAsync(Bot, Bot.Conversation("zalo"), "cam-vu", "000.00.25.H23-251126-0050");
        await Surveys.EventuallyAsync(async () => (await ScorecardAsync()).GetProperty("a1").GetProperty("responses").GetInt32() == 1, "the citizen's form to count");
    }

    [Fact]
    public async Task DeskStaff_WithoutACaseCodeOrWithABadOne_AreToldHow()
    {
        var desk = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-vu");

        var bare = await desk.SayAsync("mời khảo sát");
        var bad = await desk.SayAsync("mời khảo sát mã có dấu cách");

        Assert.Contains("mã hồ sơ in trên phiếu hẹn", bare.Single().Text, StringComparison.Ordinal);
        Assert.Contains("chưa tạo được lời mời", bad.Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Appraiser_RegistersACadre_WhoseFormCountsInA2WithRoleAndVillageFromTheRegistration()
    {
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");

        var roles = await appraiser.SayAsync("mời cán bộ thôn Cẩm Vũ");
        var unclear = await appraiser.SayAsync("không phải chức danh");
        await appraiser.SayAsync("bí thư");
        var askedName = (await appraiser.SayAsync("Thôn Đoài")).Single();
        var made = (await appraiser.SayAsync("bỏ qua")).Single();
        // On a channel without buttons the role is typed as its number in the list.
        await appraiser.SayAsync("mời cán bộ thôn Cẩm Vũ");
        var byNumber = await appraiser.SayAsync("2");
        // A name typed over two lines on a phone is kept as one.
        await appraiser.SayAsync("Thôn\nĐông");
        var twoLines = (await appraiser.SayAsync("Nguyễn Văn\nHùng")).Single();

        Assert.Equal(["Bí thư chi bộ", "Trưởng thôn, khu dân cư", "Trưởng ban công tác Mặt trận", "Trưởng các đoàn thể"], roles.Single().SuggestedActions!.Actions.Select(a => a.Title));
        Assert.Equal("Xin lỗi, chưa rõ Anh/Chị chọn mục nào. Xin bấm một nút, hoặc gõ số: 1. Bí thư chi bộ; 2. Trưởng thôn, khu dân cư; 3. Trưởng ban công tác Mặt trận; 4. Trưởng các đoàn thể.", unclear[0].Text);
        Assert.Equal(4, unclear[1].SuggestedActions!.Actions.Count);
        Assert.StartsWith("Người này ở thôn, khu dân cư nào?", byNumber.Single().Text, StringComparison.Ordinal);
        // The button reads as the text says: "bấm “Bỏ qua”".
        Assert.Equal(["Bỏ qua"], askedName.SuggestedActions!.Actions.Select(a => a.Title));
        Assert.Contains("Đã đăng ký Trưởng thôn, khu dân cư, Thôn Đông (Nguyễn Văn Hùng) của xã Cẩm Vũ", twoLines.Text, StringComparison.Ordinal);
        Assert.Contains("Đã đăng ký Bí thư chi bộ, Thôn Đoài của xã Cẩm Vũ", made.Text, StringComparison.Ordinal);
        Assert.Equal("image/png", made.Attachments!.Single().GetProperty("contentType").GetString());
        var code = System.Text.RegularExpressions.Regex.Match(made.Text!, "mã “([A-Z2-9]{4}-[A-Z2-9]{4})”").Groups[1].Value;
        var cadre = Bot.Conversation("zalo");
        await cadre.SayAsync($"khảo sát {code}");
        foreach (var answer in new[] { "đồng ý", "1", "1", "2", "1", "1", "bỏ qua", "bỏ qua", "gửi" })
        {
            await cadre.SayAsync(answer);
        }
        await Surveys.EventuallyAsync(async () => (await ScorecardAsync()).GetProperty("a2").GetProperty("responses").GetInt32() == 1, "the cadre's form to count in A2");
    }

    [Fact]
    public async Task ACadresNameTypedWhereTheVillageWasAsked_AndTheVillageAfter_EachGoesWhereItBelongs()
    {
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");
        await appraiser.SayAsync("mời cán bộ thôn Cẩm Vũ");
        await appraiser.SayAsync("2");

        await appraiser.SayAsync("Nguyễn Văn An");
        var made = (await appraiser.SayAsync("thôn Đông")).Single();
        // A village named without "thôn" stays the village, and a name that begins with a village word's letters but
        // not its diacritics ("Bàn", not "bản") stays the name.
        await appraiser.SayAsync("mời cán bộ thôn Cẩm Vũ");
        await appraiser.SayAsync("4");
        await appraiser.SayAsync("Đông Hồ");
        var name = (await appraiser.SayAsync("Bàn Văn Lộc")).Single();

        Assert.Contains("Đã đăng ký Trưởng thôn, khu dân cư, thôn Đông (Nguyễn Văn An) của xã Cẩm Vũ", made.Text, StringComparison.Ordinal);
        Assert.Contains("Đã đăng ký Trưởng các đoàn thể, Đông Hồ (Bàn Văn Lộc) của xã Cẩm Vũ", name.Text, StringComparison.Ordinal);
        var code = System.Text.RegularExpressions.Regex.Match(made.Text!, "mã “([A-Z2-9]{4}-[A-Z2-9]{4})”").Groups[1].Value;
        var cadre = Bot.Conversation("zalo");
        await cadre.SayAsync($"khảo sát {code}");
        IReadOnlyList<Bot.Activities.Activity> last = [];
        foreach (var answer in new[] { "đồng ý", "1", "1", "2", "1", "1", "bỏ qua" })
        {
            last = await cadre.SayAsync(answer);
        }
        // The cadre is offered their own name, not the village's.
        Assert.Equal(["Nguyễn Văn An", "Bỏ qua"], last[^1].SuggestedActions!.Actions.Select(a => a.Title));
    }

    [Fact]
    public async Task Appraiser_EntersPaperSheets_ByLineOrByButtons_AndASheetNumberCannotRepeat()
    {
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");

        var start = await appraiser.SayAsync("nhập phiếu giấy Cẩm Vũ");
        var notASheet = await appraiser.SayAsync("ok");
        var answersBeforeNumber = await appraiser.SayAsync("2 1 1 0,5 2");
        await appraiser.SayAsync("17");
        var typed = await appraiser.SayAsync("2 1 1 0,5 2");
        var first = await appraiser.SayAsync("18");
        var unreadable = await appraiser.SayAsync("tuyệt vời");
        foreach (var answer in new[] { "Tốt", "Khá", "trung binh", "Yếu" })
        {
            await appraiser.SayAsync(answer);
        }
        var buttons = await appraiser.SayAsync("0");
        var again = await appraiser.SayAsync("17");
        // A colleague types sheet 19's number, and this appraiser enters the whole sheet meanwhile: the core refuses the colleague's.
        var colleague = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");
        await colleague.SayAsync("nhập phiếu giấy Cẩm Vũ");
        await colleague.SayAsync("19");
        await appraiser.SayAsync("19");
        await appraiser.SayAsync("2 2 2 2 2");
        var raced = await colleague.SayAsync("0 0 0 0 0");
        var stop = await appraiser.SayAsync("xong rồi"); // "done", as the start message says to type

        Assert.Contains("phiếu người dân bằng giấy của xã Cẩm Vũ", start.Single().Text, StringComparison.Ordinal);
        Assert.StartsWith("Số phiếu gồm chữ và số", notASheet.Single().Text, StringComparison.Ordinal);
        Assert.StartsWith("Dạ, trước hết xin Anh/Chị gõ số phiếu in trên tờ phiếu", answersBeforeNumber.Single().Text, StringComparison.Ordinal);
        Assert.Contains("Đã ghi phiếu số 17: 6,5 điểm", typed.Single().Text, StringComparison.Ordinal);
        Assert.Equal(["Tốt", "Khá", "Trung bình", "Yếu"], first.Single().SuggestedActions!.Actions.Select(a => a.Title));
        Assert.Contains("chưa đọc được", Conversation.Texts(unreadable), StringComparison.Ordinal);
        Assert.Contains("Đã ghi phiếu số 18: 3,5 điểm", buttons.Single().Text, StringComparison.Ordinal);
        // Said as soon as the number is typed, with what the sheet was entered as; the dialog still waits for a sheet's number.
        Assert.StartsWith("Phiếu số 17 đã được nhập trước đó (6,5 điểm), không cần nhập lại.", again.Single().Text, StringComparison.Ordinal);
        Assert.Contains("Phiếu số 19 đã được nhập trước đó nên không ghi lại", raced.Single().Text, StringComparison.Ordinal);
        Assert.Contains("Đã dừng nhập phiếu giấy", stop.Single().Text, StringComparison.Ordinal);
        var a1 = (await ScorecardAsync()).GetProperty("a1");
        Assert.Equal(3, a1.GetProperty("responses").GetInt32());
        Assert.Equal(6.67m, a1.GetProperty("score").GetDecimal()); // (6.5 + 3.5 + 10) / 3
    }

    [Fact]
    public async Task Appraiser_EntersAWholePaperSheetInOneLine_ItsNumberThenItsAnswers()
    {
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");
        var start = await appraiser.SayAsync("nhập phiếu giấy Cẩm Vũ");

        var byPoints = await appraiser.SayAsync("17: 2 1 1 0,5 2");
        var byWords = await appraiser.SayAsync("phiếu số 18: tốt, tốt, khá, trung bình, tốt");
        var sixNumbers = await appraiser.SayAsync("19 2 2 2 2 2");
        var numberOnly = await appraiser.SayAsync("phiếu 20");
        await appraiser.SayAsync("0 0 0 0 0");
        var someAnswers = await appraiser.SayAsync("21: 2 2");
        var theRest = await appraiser.SayAsync("2 2 2");
        var unreadable = await appraiser.SayAsync("22: tuyệt vời");
        var again = await appraiser.SayAsync("17: 0 0 0 0 0");

        Assert.Contains("ví dụ “17: 2 1 1 0,5 2”", start.Single().Text, StringComparison.Ordinal);
        Assert.StartsWith("Đã ghi phiếu số 17: 6,5 điểm.", byPoints.Single().Text, StringComparison.Ordinal);
        Assert.StartsWith("Đã ghi phiếu số 18: 7,5 điểm.", byWords.Single().Text, StringComparison.Ordinal);
        Assert.StartsWith("Đã ghi phiếu số 19: 10 điểm.", sixNumbers.Single().Text, StringComparison.Ordinal);
        Assert.StartsWith("Phiếu số 20, câu 1/5", numberOnly.Single().Text, StringComparison.Ordinal);
        // After a colon, the answers typed are kept and the rest asked.
        Assert.StartsWith("Phiếu số 21, câu 3/5", someAnswers.Single().Text, StringComparison.Ordinal);
        Assert.StartsWith("Đã ghi phiếu số 21: 10 điểm.", theRest.Single().Text, StringComparison.Ordinal);
        Assert.StartsWith("Xin lỗi, chưa đọc được các câu trả lời sau số phiếu.", unreadable.Single().Text, StringComparison.Ordinal);
        Assert.StartsWith("Phiếu số 17 đã được nhập trước đó (6,5 điểm)", again.Single().Text, StringComparison.Ordinal);
        var a1 = (await ScorecardAsync()).GetProperty("a1");
        Assert.Equal(5, a1.GetProperty("responses").GetInt32());
        Assert.Equal(6.8m, a1.GetProperty("score").GetDecimal()); // (6.5 + 7.5 + 10 + 0 + 10) / 5
    }

    [Fact]
    public async Task Appraiser_SetsAndClosesTheRound_AndReadsTheProgress()
    {
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");

        var opened = await appraiser.SayAsync("mở khảo sát Cẩm Vũ từ 23/11 đến 27/11 mục tiêu 3");
        await Surveys.CompleteInvitedCitizenAsync(Bot, Bot.Conversation(), "cam-vu", "case-in-round", visitedAt: "2026-11-24T09:00:00+07:00");
        await Surveys.EventuallyAsync(async () => (await ScorecardAsync()).GetProperty("a1").GetProperty("responses").GetInt32() == 1, "the form to count");
        var progress = await appraiser.SayAsync("tiến độ khảo sát");
        var closed = await appraiser.SayAsync("đóng khảo sát Cẩm Vũ");
        var badDay = await appraiser.SayAsync("mở khảo sát Cẩm Vũ từ 31/02");

        Assert.Contains("lượt đến làm thủ tục từ 23/11 đến 27/11 được tính điểm; mục tiêu 3 phiếu", opened.Single().Text, StringComparison.Ordinal);
        var lines = progress.Single().Text!.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("• Xã Cẩm Vũ: 1/3, còn thiếu 2", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("• Xã Cẩm Bình: 0/30, còn thiếu 30", StringComparison.Ordinal));
        Assert.Contains("Đã đóng đợt khảo sát của xã Cẩm Vũ ngày 25/11", closed.Single().Text, StringComparison.Ordinal);
        Assert.StartsWith("Ngày “31/02” không có trong lịch năm 2026", badDay.Single().Text, StringComparison.Ordinal);
        // Closed today: a case visited tomorrow no longer counts.
        Bot.Clock.Now = Bot.Clock.Now.AddDays(1);
        Core.Clock.Now = Bot.Clock.Now;
        await Surveys.CompleteInvitedCitizenAsync(Bot, Bot.Conversation(), "cam-vu", "case-after-close", visitedAt: "2026-11-26T09:00:00+07:00");
        await Surveys.EventuallyAsync(async () => (await ScorecardAsync()).GetProperty("a1").GetProperty("outsideWindow").GetInt32() == 1, "the late form to be kept outside the round");
        // A round over is said to be over; one still running is not marked.
        var after = (await appraiser.SayAsync("tiến độ khảo sát")).Single().Text!.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("• Xã Cẩm Vũ:", StringComparison.Ordinal) && l.EndsWith("đợt 23/11–27/11", StringComparison.Ordinal));
        Assert.Contains(after, l => l.StartsWith("• Xã Cẩm Vũ:", StringComparison.Ordinal) && l.EndsWith("đợt 23/11–25/11 (đã kết thúc)", StringComparison.Ordinal));
        Assert.Contains(after, l => l.StartsWith("• Xã Cẩm Bình:", StringComparison.Ordinal) && l.EndsWith("đợt 23/11–27/11", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Appraiser_TypesASheetsFiveAnswersAsWords_AndIsToldWhichNumberIsNoAnswer()
    {
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");
        await appraiser.SayAsync("nhập phiếu giấy Cẩm Vũ");
        await appraiser.SayAsync("21");

        var wrongPoint = await appraiser.SayAsync("2 2 1,5 1 2");
        var words = await appraiser.SayAsync("tốt, tốt, khá, trung bình, tốt");
        await appraiser.SayAsync("22");
        var moreWords = await appraiser.SayAsync("Tốt khá yếu yếu trung binh");
        await appraiser.SayAsync("xong");

        Assert.StartsWith("Xin lỗi, “1,5” không phải điểm của một câu trả lời", wrongPoint[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("Phiếu số 21, câu 1/5", wrongPoint[1].Text, StringComparison.Ordinal);
        Assert.Contains("Đã ghi phiếu số 21: 7,5 điểm", words.Single().Text, StringComparison.Ordinal);
        Assert.Contains("Đã ghi phiếu số 22: 3,5 điểm", moreWords.Single().Text, StringComparison.Ordinal);
        Assert.Equal(2, (await ScorecardAsync()).GetProperty("a1").GetProperty("responses").GetInt32());
    }

    [Fact]
    public async Task Appraiser_TypingTheNextSheetMidway_BeginsIt_SayingTheHalfTypedOneIsNotSaved_AndAbbreviatedAnswersAreRead()
    {
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");
        await appraiser.SayAsync("nhập phiếu giấy Cẩm Vũ");

        var abbreviated = await appraiser.SayAsync("41: tốt khá khá tb tốt");
        await appraiser.SayAsync("42");
        var oneAbbreviation = await appraiser.SayAsync("TB");
        var lone = await appraiser.SayAsync("3"); // a slip for an answer, not sheet 3
        var next = await appraiser.SayAsync("phiếu 43");
        var mistyped = await appraiser.SayAsync("44"); // no answer of 43 typed yet: nothing to say about it
        await appraiser.SayAsync("tốt");
        var whole = await appraiser.SayAsync("45: 2 2 2 2 2");
        await appraiser.SayAsync("xong");

        Assert.StartsWith("Đã ghi phiếu số 41: 6,5 điểm.", abbreviated.Single().Text, StringComparison.Ordinal);
        Assert.StartsWith("Phiếu số 42, câu 2/5", oneAbbreviation.Single().Text, StringComparison.Ordinal);
        Assert.Equal("Xin lỗi, chưa đọc được câu trả lời.", lone[0].Text);
        Assert.StartsWith("Phiếu số 42, câu 2/5", lone[1].Text, StringComparison.Ordinal);
        Assert.Equal("Phiếu số 42 chưa được ghi (mới nhập 1/5 câu); khi cần, xin gõ lại số phiếu này để nhập lại từ đầu.", next[0].Text);
        Assert.StartsWith("Phiếu số 43, câu 1/5", next[1].Text, StringComparison.Ordinal);
        Assert.StartsWith("Phiếu số 44, câu 1/5", mistyped.Single().Text, StringComparison.Ordinal);
        Assert.StartsWith("Phiếu số 44 chưa được ghi (mới nhập 1/5 câu)", whole[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("Đã ghi phiếu số 45: 10 điểm.", whole[1].Text, StringComparison.Ordinal);
        var a1 = (await ScorecardAsync()).GetProperty("a1");
        Assert.Equal(2, a1.GetProperty("responses").GetInt32());
        Assert.Equal(8.25m, a1.GetProperty("score").GetDecimal()); // (6.5 + 10) / 2
    }

    [Fact]
    public async Task Appraiser_RetypingAWholeSheetMidway_ReplacesIt_AndStoppingMidSheet_SaysThatSheetIsNotSaved()
    {
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");
        await appraiser.SayAsync("nhập phiếu giấy Cẩm Vũ");
        await appraiser.SayAsync("31");

        var four = await appraiser.SayAsync("2 2 1 1");
        var whole = await appraiser.SayAsync("2 2 1 1 0,5");
        await appraiser.SayAsync("32");
        await appraiser.SayAsync("tốt");
        await appraiser.SayAsync("khá");
        var stopped = await appraiser.SayAsync("xong");

        Assert.StartsWith("Phiếu số 31, câu 5/5", four.Single().Text, StringComparison.Ordinal);
        Assert.Contains("Đã ghi phiếu số 31: 6,5 điểm", whole.Single().Text, StringComparison.Ordinal);
        Assert.Equal("Đã dừng nhập phiếu giấy. Phiếu số 32 chưa được ghi (mới nhập 2/5 câu): khi nhập tiếp, xin gõ lại số phiếu này. Các phiếu đã báo “đã ghi” được giữ lại.",
            stopped.Single().Text);
        Assert.Equal(1, (await ScorecardAsync()).GetProperty("a1").GetProperty("responses").GetInt32());
    }

    [Fact]
    public async Task DeskStaff_TypingACaseCodeThatCannotBeOne_IsToldWhatACaseCodeIs_WithoutTheApiFieldName()
    {
        var desk = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-vu");

        var replies = await desk.SayAsync("mời khảo sát hồ sơ đất của bà Lan");

        Assert.StartsWith("Xin lỗi, chưa tạo được lời mời: Mã hồ sơ phải có từ 1 đến 64 ký tự, gồm chữ không dấu", replies.Single().Text, StringComparison.Ordinal);
        Assert.DoesNotContain("caseCode", replies.Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Appraiser_TypingARoundTheCoreWouldRefuse_IsToldInWords_AndTheRoundStays()
    {
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");
        await appraiser.SayAsync("mở khảo sát Cẩm Vũ từ 1/12 đến 10/12 mục tiêu 5");

        var backwards = await appraiser.SayAsync("mở khảo sát Cẩm Vũ từ 27/11 đến 23/11");
        var noDay = await appraiser.SayAsync("mở khảo sát Cẩm Vũ đến 31/11");
        var noTarget = await appraiser.SayAsync("mở khảo sát Cẩm Vũ mục tiêu 0");
        // Only the core knows the round opens on 1/12: ending it on 20/11, or closing it today (25/11), is refused there.
        var beforeOpening = await appraiser.SayAsync("mở khảo sát Cẩm Vũ đến 20/11");
        var notYetOpen = await appraiser.SayAsync("đóng khảo sát Cẩm Vũ");
        var progress = await appraiser.SayAsync("tiến độ khảo sát Cẩm Vũ");

        Assert.StartsWith("Ngày kết thúc (23/11) lại trước ngày bắt đầu (27/11)", backwards.Single().Text, StringComparison.Ordinal);
        Assert.StartsWith("Ngày “31/11” không có trong lịch năm 2026", noDay.Single().Text, StringComparison.Ordinal);
        Assert.StartsWith("Mục tiêu phải là số phiếu từ 1 đến 100000", noTarget.Single().Text, StringComparison.Ordinal);
        Assert.StartsWith("Đợt khảo sát của xã Cẩm Vũ không thể kết thúc trước ngày bắt đầu đang đặt", beforeOpening.Single().Text, StringComparison.Ordinal);
        Assert.StartsWith("Đợt khảo sát của xã Cẩm Vũ chưa bắt đầu", notYetOpen.Single().Text, StringComparison.Ordinal);
        Assert.All(new[] { backwards, noDay, noTarget, beforeOpening, notYetOpen }, replies => Assert.DoesNotContain("Trường", replies.Single().Text, StringComparison.Ordinal));
        Assert.Contains(progress.Single().Text!.Split('\n'), l => l.StartsWith("• Xã Cẩm Vũ: 0/5", StringComparison.Ordinal) && l.Contains("01/12", StringComparison.Ordinal) && l.Contains("10/12", StringComparison.Ordinal));
    }
}
