using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ScoringCore.Tests;

/// <summary>
/// What counts in A1 and A2 (docs/decisions/011): per-case invitations by their visit, each
/// reference once, open forms as feedback, and where a year counts them one per device with
/// bursts held until an appraiser decides.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class SurveyIntegrityApiTests(RedisServer redis) : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    public void Dispose() => _owned.ForEach(o => o.Dispose());

    private ScoringCoreApp App(bool openFormsCount = false)
    {
        var dialogs = openFormsCount ? DialogsCopy.CountingOpenForms(2026) : null;
        var app = new ScoringCoreApp(redis, dialogsDirectory: dialogs?.Path);
        // The last afternoon of the 2026 window (27/11, 18:00 in Vietnam): every form below is in the past.
        app.Clock.Now = DateTimeOffset.Parse("2026-11-27T11:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        _owned.Add(app);
        if (dialogs is not null)
        {
            _owned.Add(dialogs);
        }
        return app;
    }

    private static Dictionary<string, object?> Form(string id, string source, string submittedAt = "2026-11-25T09:30:00+07:00", string form = "citizen", params string[] answers) => new()
    {
        ["responseId"] = id,
        ["form"] = form,
        ["communeId"] = "xa-1",
        ["year"] = 2026,
        ["answers"] = answers.Length > 0 ? answers : new[] { "tot", "tot", "kha", "trung-binh", "yeu" },
        ["submittedAt"] = submittedAt,
        ["channel"] = "webchat",
        ["source"] = source,
    };

    private static Dictionary<string, object?> With(Dictionary<string, object?> body, params (string Key, object? Value)[] fields)
    {
        foreach (var (key, value) in fields)
        {
            body[key] = value;
        }
        return body;
    }

    private static async Task<JsonElement> A1Async(HttpClient api) =>
        (await (await api.GetAsync("/api/v1/communes/xa-1/years/2026/scorecard")).JsonAsync()).GetProperty("a1");

    [Fact]
    public async Task Invitation_VisitInWindowAnsweredLater_IsCounted()
    {
        var app = App();
        app.Clock.Now = DateTimeOffset.Parse("2026-12-01T03:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var api = await app.WithCommunesAsync();

        var response = await api.PostAsJsonAsync("/api/v1/survey-responses", With(Form("i-1", "invitation", "2026-11-30T09:00:00+07:00"),
            ("reference", "case-hash-1"), ("visitedAt", "2026-11-27T08:40:00+07:00")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var record = await response.JsonAsync();
        Assert.Equal("case-hash-1", record.GetProperty("reference").GetString());
        Assert.Equal("invitation", record.GetProperty("source").GetString());
        var a1 = await A1Async(api);
        Assert.Equal(1, a1.GetProperty("responses").GetInt32());
        Assert.Equal(5.5m, a1.GetProperty("score").GetDecimal());
    }

    [Fact]
    public async Task Invitation_VisitOutsideWindow_IsNotCountedEvenIfAnsweredInIt()
    {
        var api = await App().WithCommunesAsync();

        await api.PostAsJsonAsync("/api/v1/survey-responses", With(Form("i-1", "invitation"), ("reference", "case-hash-1"), ("visitedAt", "2026-11-20T08:40:00+07:00")));

        var a1 = await A1Async(api);
        Assert.Equal(0, a1.GetProperty("responses").GetInt32());
        Assert.Equal(1, a1.GetProperty("outsideWindow").GetInt32());
    }

    [Theory]
    [InlineData("invitation")]
    [InlineData("paper")]
    public async Task Reference_UsedTwice_Is409AndCountsOnce(string source)
    {
        var api = await App().WithCommunesAsync();
        var first = With(Form("f-1", source), ("reference", "ref-1"), ("visitedAt", "2026-11-24T08:00:00+07:00"));
        var second = With(Form("f-2", source, answers: ["yeu", "yeu", "yeu", "yeu", "yeu"]), ("reference", "ref-1"), ("visitedAt", "2026-11-24T08:00:00+07:00"));

        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/survey-responses", first)).StatusCode);
        var again = await api.PostAsJsonAsync("/api/v1/survey-responses", second);

        await again.AssertProblemAsync(409, "reference", "chỉ được một phiếu");
        var a1 = await A1Async(api);
        Assert.Equal(1, a1.GetProperty("responses").GetInt32());
        Assert.Equal(5.5m, a1.GetProperty("score").GetDecimal());
        // The first form's retry is still the same form, not a second use.
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync("/api/v1/survey-responses", first)).StatusCode);
    }

    [Fact]
    public async Task CadreInvitation_CountsInA2()
    {
        var api = await App().WithCommunesAsync();

        await api.PostAsJsonAsync("/api/v1/survey-responses", With(Form("c-1", "cadre", form: "cadre"), ("reference", "reg-1")));
        var duplicate = await api.PostAsJsonAsync("/api/v1/survey-responses", With(Form("c-2", "cadre", form: "cadre"), ("reference", "reg-1")));

        await duplicate.AssertProblemAsync(409, "reference", "đã có phiếu");
        var card = await (await api.GetAsync("/api/v1/communes/xa-1/years/2026/scorecard")).JsonAsync();
        Assert.Equal(1, card.GetProperty("a2").GetProperty("responses").GetInt32());
    }

    [Fact]
    public async Task OpenForms_ByDefault_AreFeedbackNotA1_AndFeedTheWeakQuestions()
    {
        var api = await App().WithCommunesAsync();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/survey-responses", With(Form($"o-{i}", "open"), ("deviceHash", $"device-000{i}")))).StatusCode);
        }
        await api.PostAsJsonAsync("/api/v1/survey-responses", With(Form("c-1", "open", form: "cadre", answers: ["tot", "tot", "tot", "tot", "tot"])));

        var card = await (await api.GetAsync("/api/v1/communes/xa-1/years/2026/scorecard")).JsonAsync();
        Assert.Equal(0, card.GetProperty("a1").GetProperty("responses").GetInt32());
        Assert.Equal(0m, card.GetProperty("a1").GetProperty("score").GetDecimal());
        Assert.Equal(3, card.GetProperty("a1").GetProperty("feedback").GetInt32());
        Assert.Equal(0, card.GetProperty("a2").GetProperty("responses").GetInt32());
        Assert.Equal(1, card.GetProperty("a2").GetProperty("feedback").GetInt32());
        var summary = await (await api.GetAsync("/api/v1/units/p/years/2026/summary")).JsonAsync();
        var weakest = summary.GetProperty("weakestQuestions")[0];
        Assert.Equal("citizen", weakest.GetProperty("form").GetString());
        Assert.Equal(5, weakest.GetProperty("number").GetInt32());
        Assert.Equal(3, weakest.GetProperty("responses").GetInt32());
    }

    [Fact]
    public async Task OpenForms_WhereCounted_OnePerDevice()
    {
        var api = await App(openFormsCount: true).WithCommunesAsync();

        await api.PostAsJsonAsync("/api/v1/survey-responses", With(Form("o-1", "open"), ("deviceHash", "device-aaaa")));
        await api.PostAsJsonAsync("/api/v1/survey-responses", With(Form("o-2", "open", "2026-11-25T11:30:00+07:00"), ("deviceHash", "device-aaaa")));
        await api.PostAsJsonAsync("/api/v1/survey-responses", With(Form("o-3", "open", "2026-11-25T12:30:00+07:00"), ("deviceHash", "device-bbbb")));

        var a1 = await A1Async(api);
        Assert.Equal(2, a1.GetProperty("responses").GetInt32());
        Assert.Equal(1, a1.GetProperty("feedback").GetInt32());
        var forms = await (await api.GetAsync("/api/v1/communes/xa-1/years/2026/survey-forms?standing=feedback")).JsonAsync();
        Assert.Equal("o-2", forms[0].GetProperty("responseId").GetString());
        Assert.Equal("device-repeat", forms[0].GetProperty("reasons")[0].GetString());
    }

    [Fact]
    public async Task Invitations_OneDeviceAnsweringForSeveralCases_AfterTheFirstAreHeld()
    {
        var api = await App().WithCommunesAsync();
        Task<HttpResponseMessage> Case(string id, string reference, string? device, string submittedAt = "2026-11-25T09:30:00+07:00") =>
            api.PostAsJsonAsync("/api/v1/survey-responses", With(Form(id, "invitation", submittedAt),
                ("reference", reference), ("visitedAt", "2026-11-24T08:00:00+07:00"), ("deviceHash", device)));

        // The desk's tablet answers for three cases; two citizens answer on their own phones, one in a chat without a device.
        foreach (var (id, reference, at) in new[] { ("t-1", "case-1", "09:30"), ("t-2", "case-2", "09:40"), ("t-3", "case-3", "10:10") })
        {
            Assert.Equal(HttpStatusCode.Created, (await Case(id, reference, "desk-tablet", $"2026-11-25T{at}:00+07:00")).StatusCode);
        }
        await Case("p-1", "case-4", "phone-one");
        await Case("p-2", "case-5", "phone-two");
        await Case("n-1", "case-6", null);
        // An open (feedback) form from a phone does not use up that phone's case form.
        await api.PostAsJsonAsync("/api/v1/survey-responses", With(Form("o-1", "open"), ("deviceHash", "phone-three")));
        await Case("p-3", "case-7", "phone-three");
        // A retry of a held form is the same form, not another case.
        Assert.Equal(HttpStatusCode.OK, (await Case("t-2", "case-2", "desk-tablet", "2026-11-25T09:40:00+07:00")).StatusCode);

        var a1 = await A1Async(api);
        Assert.Equal(5, a1.GetProperty("responses").GetInt32());
        Assert.Equal(2, a1.GetProperty("held").GetInt32());
        var held = await (await api.GetAsync("/api/v1/communes/xa-1/years/2026/survey-forms?standing=held")).JsonAsync();
        Assert.Equal(["t-2", "t-3"], held.EnumerateArray().Select(f => f.GetProperty("responseId").GetString()).Order());
        Assert.All(held.EnumerateArray(), f => Assert.Equal(["device-cases"], f.GetProperty("reasons").EnumerateArray().Select(r => r.GetString())));

        // The appraiser, who knows the commune lends its tablet to citizens without a phone, counts one.
        var decision = await api.PostAsJsonAsync("/api/v1/communes/xa-1/years/2026/survey-forms/t-2/decision",
            new { decision = "count", reason = "Máy tính bảng của Bộ phận một cửa cho người dân không có điện thoại", decidedBy = "Phòng Nội vụ" });
        Assert.Equal(HttpStatusCode.OK, decision.StatusCode);
        Assert.Equal(6, (await A1Async(api)).GetProperty("responses").GetInt32());
    }

    [Fact]
    public async Task OpenForms_BurstFromOneAddress_TooFast_IdenticalRuns_AreHeld()
    {
        var api = await App(openFormsCount: true).WithCommunesAsync();
        string[][] answers = [["tot", "tot", "tot", "tot", "tot"], ["kha", "tot", "tot", "tot", "tot"], ["tot", "kha", "tot", "tot", "tot"], ["tot", "tot", "kha", "tot", "tot"]];

        // Four fresh "devices" (new browser profiles) from one address within four minutes.
        for (var i = 0; i < 4; i++)
        {
            await api.PostAsJsonAsync("/api/v1/survey-responses", With(Form($"b-{i}", "open", $"2026-11-25T09:3{i}:00+07:00", answers: answers[i]),
                ("deviceHash", $"fresh-profile-{i}"), ("addressHash", "address-one")));
        }
        // Another address: one finished in 10 seconds, then two identical runs an hour apart.
        await api.PostAsJsonAsync("/api/v1/survey-responses", With(Form("fast", "open", "2026-11-25T10:00:10+07:00"),
            ("deviceHash", "device-fast"), ("addressHash", "address-two"), ("startedAt", "2026-11-25T10:00:00+07:00")));
        await api.PostAsJsonAsync("/api/v1/survey-responses", With(Form("same-1", "open", "2026-11-25T14:00:00+07:00"), ("deviceHash", "device-s1"), ("addressHash", "address-three")));
        await api.PostAsJsonAsync("/api/v1/survey-responses", With(Form("same-2", "open", "2026-11-25T14:05:00+07:00"), ("deviceHash", "device-s2"), ("addressHash", "address-three")));

        var a1 = await A1Async(api);
        Assert.Equal(3, a1.GetProperty("responses").GetInt32()); // b-0, b-1, same-1
        Assert.Equal(4, a1.GetProperty("held").GetInt32());
        var held = await (await api.GetAsync("/api/v1/communes/xa-1/years/2026/survey-forms?standing=held")).JsonAsync();
        var reasons = held.EnumerateArray().ToDictionary(f => f.GetProperty("responseId").GetString()!, f => string.Join(",", f.GetProperty("reasons").EnumerateArray().Select(r => r.GetString())));
        Assert.Equal("address-burst", reasons["b-2"]);
        Assert.Equal("address-burst", reasons["b-3"]);
        Assert.Equal("too-fast", reasons["fast"]);
        Assert.Equal("identical-run", reasons["same-2"]);
    }

    [Fact]
    public async Task HeldForm_MovesOnlyByAnAppraisersDecision()
    {
        var api = await App(openFormsCount: true).WithCommunesAsync();
        Task Post(string id, string at) => api.PostAsJsonAsync("/api/v1/survey-responses", With(Form(id, "open", at, answers: ["tot", "tot", "tot", "tot", "tot"]),
            ("deviceHash", "device-" + id), ("addressHash", "address-one"), ("startedAt", at.Replace("09:3", "09:2", StringComparison.Ordinal))));
        await Post("h-1", "2026-11-25T09:31:00+07:00");
        await api.PostAsJsonAsync("/api/v1/survey-responses", With(Form("h-2", "open", "2026-11-25T09:32:00+07:00", answers: ["kha", "kha", "kha", "kha", "kha"]),
            ("deviceHash", "device-h-2"), ("addressHash", "address-one"), ("startedAt", "2026-11-25T09:32:00+07:00")));
        await api.PostAsJsonAsync("/api/v1/survey-responses", With(Form("h-3", "open", "2026-11-25T09:33:00+07:00", answers: ["yeu", "yeu", "yeu", "yeu", "yeu"]),
            ("deviceHash", "device-h-3"), ("addressHash", "address-one")));
        Assert.Equal(2, (await A1Async(api)).GetProperty("held").GetInt32());

        var noReason = await api.PostAsJsonAsync("/api/v1/communes/xa-1/years/2026/survey-forms/h-2/decision", new { decision = "count", decidedBy = "Phòng Nội vụ" });
        var badDecision = await api.PostAsJsonAsync("/api/v1/communes/xa-1/years/2026/survey-forms/h-2/decision", new { decision = "maybe", reason = "x", decidedBy = "a" });
        var counted = await api.PostAsJsonAsync("/api/v1/communes/xa-1/years/2026/survey-forms/h-2/decision", new { decision = "count", reason = "Đã gọi điện xác minh người dân", decidedBy = "Phòng Nội vụ" });
        var excluded = await api.PostAsJsonAsync("/api/v1/communes/xa-1/years/2026/survey-forms/h-3/decision", new { decision = "exclude", reason = "Cùng một máy, cách nhau một phút", decidedBy = "Phòng Nội vụ" });
        var twice = await api.PostAsJsonAsync("/api/v1/communes/xa-1/years/2026/survey-forms/h-3/decision", new { decision = "count", reason = "đổi ý", decidedBy = "Phòng Nội vụ" });
        var notHeld = await api.PostAsJsonAsync("/api/v1/communes/xa-1/years/2026/survey-forms/h-1/decision", new { decision = "exclude", reason = "x", decidedBy = "a" });
        var unknown = await api.PostAsJsonAsync("/api/v1/communes/xa-1/years/2026/survey-forms/nope/decision", new { decision = "exclude", reason = "x", decidedBy = "a" });

        await noReason.AssertProblemAsync(400, "reason", "lý do");
        await badDecision.AssertProblemAsync(400, "decision", "exclude");
        Assert.Equal(HttpStatusCode.OK, counted.StatusCode);
        var view = await counted.JsonAsync();
        Assert.Equal("counted", view.GetProperty("standing").GetString());
        Assert.Equal("Đã gọi điện xác minh người dân", view.GetProperty("decision").GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.OK, excluded.StatusCode);
        await twice.AssertProblemAsync(409, "responseId", "excluded");
        await notHeld.AssertProblemAsync(409, "responseId", "counted");
        await unknown.AssertProblemAsync(404, "responseId", "nope");
        var a1 = await A1Async(api);
        Assert.Equal(2, a1.GetProperty("responses").GetInt32());
        Assert.Equal(0, a1.GetProperty("held").GetInt32());
        Assert.Equal(1, a1.GetProperty("excluded").GetInt32());
        Assert.Equal(7.5m, a1.GetProperty("score").GetDecimal()); // (10 + 5) / 2
    }

    [Theory]
    [InlineData("source", "nowhere", "source", "\"open\"")]
    [InlineData("source", "cadre", "source", "không dùng cho phiếu")]
    [InlineData("reference", null, "reference", "Thiếu trường reference")]
    [InlineData("reference", "has space", "reference", "64 ký tự")]
    [InlineData("visitedAt", null, "visitedAt", "Thiếu trường visitedAt")]
    [InlineData("visitedAt", "27/11/2026", "visitedAt", "ISO 8601")]
    [InlineData("visitedAt", "2026-11-26T08:00:00+07:00", "visitedAt", "sau thời điểm gửi")]
    [InlineData("deviceHash", "short", "deviceHash", "8 đến 64")]
    [InlineData("startedAt", "2026-11-25T11:00:00+07:00", "startedAt", "không sau thời điểm gửi")]
    [InlineData("issuedBy", "commune", "issuedBy", "\"desk\"")]
    public async Task Post_BadOrigin_Is400NamingTheField(string key, string? value, string field, string detail)
    {
        var api = await App().WithCommunesAsync();
        var body = With(Form("x-1", "invitation"), ("reference", "case-1"), ("visitedAt", "2026-11-24T08:00:00+07:00"));
        body[key] = value;

        var response = await api.PostAsJsonAsync("/api/v1/survey-responses", body);

        await response.AssertProblemAsync(400, field, detail);
    }

    [Fact]
    public async Task IssuedBy_IsKeptOnACasesForm_CountedForTheDesk_AndRefusedOnOtherSources()
    {
        var api = await App().WithCommunesAsync();
        var desk = With(Form("i-desk", "invitation"), ("reference", "case-desk"), ("visitedAt", "2026-11-24T08:00:00+07:00"), ("issuedBy", "desk"));

        var created = await api.PostAsJsonAsync("/api/v1/survey-responses", desk);
        var repeated = await api.PostAsJsonAsync("/api/v1/survey-responses", desk);
        await api.PostAsJsonAsync("/api/v1/survey-responses", With(Form("i-soft", "invitation"), ("reference", "case-soft"), ("visitedAt", "2026-11-24T08:00:00+07:00"), ("issuedBy", "software")));
        await api.PostAsJsonAsync("/api/v1/survey-responses", With(Form("i-old", "invitation"), ("reference", "case-old"), ("visitedAt", "2026-11-24T08:00:00+07:00")));
        var open = await api.PostAsJsonAsync("/api/v1/survey-responses", With(Form("o-1", "open"), ("issuedBy", "desk")));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("desk", (await created.JsonAsync()).GetProperty("issuedBy").GetString());
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        await open.AssertProblemAsync(400, "issuedBy", "chỉ dùng cho phiếu có source");
        var forms = await (await api.GetAsync("/api/v1/communes/xa-1/years/2026/survey-forms")).JsonAsync();
        Assert.Equal(["i-desk desk", "i-old -", "i-soft software"],
            forms.EnumerateArray().Select(f => $"{f.GetProperty("responseId").GetString()} {(f.TryGetProperty("issuedBy", out var by) ? by.GetString() : "-")}"));
        var progress = await (await api.GetAsync("/api/v1/units/p/years/2026/survey-progress")).JsonAsync();
        var citizen = progress.EnumerateArray().Single(c => c.GetProperty("communeId").GetString() == "xa-1").GetProperty("citizen");
        Assert.Equal(3, citizen.GetProperty("counted").GetInt32());
        Assert.Equal(1, citizen.GetProperty("fromDesk").GetInt32());
        Assert.Equal(1, (await A1Async(api)).GetProperty("fromDesk").GetInt32());
    }

    [Fact]
    public async Task SoftwareCase_MarksItsDeskForm_TheSoftwares_WhicheverCameFirst_AndOnlyOnce()
    {
        var api = await App().WithCommunesAsync();
        Dictionary<string, object?> Desk(string id, string reference) =>
            With(Form(id, "invitation"), ("reference", reference), ("visitedAt", "2026-11-24T08:00:00+07:00"), ("issuedBy", "desk"));
        var answeredFirst = Desk("i-first", "case-first");
        await api.PostAsJsonAsync("/api/v1/survey-responses", answeredFirst);
        await api.PostAsJsonAsync("/api/v1/survey-responses", Desk("i-desk", "case-desk"));

        var confirmed = await api.PutAsync("/api/v1/communes/xa-1/years/2026/software-cases/case-first", null);
        var again = await api.PutAsync("/api/v1/communes/xa-1/years/2026/software-cases/case-first", null);
        var before = await api.PutAsync("/api/v1/communes/xa-1/years/2026/software-cases/case-later", null);
        var answeredLater = await api.PostAsJsonAsync("/api/v1/survey-responses", Desk("i-later", "case-later"));
        var retried = await api.PostAsJsonAsync("/api/v1/survey-responses", answeredFirst);

        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.NoContent, HttpStatusCode.NoContent], [confirmed.StatusCode, again.StatusCode, before.StatusCode]);
        Assert.Equal(HttpStatusCode.Created, answeredLater.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var forms = await (await api.GetAsync("/api/v1/communes/xa-1/years/2026/survey-forms")).JsonAsync();
        Assert.Equal(["i-desk desk", "i-first software", "i-later software"],
            forms.EnumerateArray().Select(f => $"{f.GetProperty("responseId").GetString()} {f.GetProperty("issuedBy").GetString()}"));
        var one = await (await api.GetAsync("/api/v1/communes/xa-1/years/2026/survey-forms/i-first")).JsonAsync();
        Assert.Equal("software", one.GetProperty("issuedBy").GetString());
        var progress = await (await api.GetAsync("/api/v1/units/p/years/2026/survey-progress")).JsonAsync();
        var citizen = progress.EnumerateArray().Single(c => c.GetProperty("communeId").GetString() == "xa-1").GetProperty("citizen");
        Assert.Equal(3, citizen.GetProperty("counted").GetInt32());
        Assert.Equal(1, citizen.GetProperty("fromDesk").GetInt32());
        Assert.Equal(1, (await A1Async(api)).GetProperty("fromDesk").GetInt32());
    }

    [Theory]
    [InlineData("/api/v1/communes/xa-1/years/2026/software-cases/-dash-first", 400, "reference", "1 đến 64 ký tự")]
    [InlineData("/api/v1/communes/xa-9/years/2026/software-cases/case-1", 404, "communeId", "xa-9")]
    [InlineData("/api/v1/communes/xa-1/years/20x6/software-cases/case-1", 400, "year", "năm")]
    public async Task SoftwareCase_BadPlaceOrReference_IsAProblemNamingTheField(string path, int status, string field, string detail)
    {
        var api = await App().WithCommunesAsync();

        var response = await api.PutAsync(path, null);

        await response.AssertProblemAsync(status, field, detail);
    }

    [Fact]
    public async Task Forms_AuditList_ShowsSourceReferenceAndStanding_AndRefusesUnknownStanding()
    {
        var api = await App().WithCommunesAsync();
        await api.PostAsJsonAsync("/api/v1/survey-responses", With(Form("i-1", "invitation"), ("reference", "case-hash-1"), ("visitedAt", "2026-11-24T08:00:00+07:00")));
        await api.PostAsJsonAsync("/api/v1/survey-responses", With(Form("p-1", "paper"), ("reference", "17")));
        await api.PostAsJsonAsync("/api/v1/survey-responses", Form("o-1", "open"));

        var all = await (await api.GetAsync("/api/v1/communes/xa-1/years/2026/survey-forms")).JsonAsync();
        var bad = await api.GetAsync("/api/v1/communes/xa-1/years/2026/survey-forms?standing=everything");

        var rows = all.EnumerateArray().Select(f => $"{f.GetProperty("responseId").GetString()} {f.GetProperty("source").GetString()} {f.GetProperty("standing").GetString()}").ToList();
        Assert.Equal(["i-1 invitation counted", "o-1 open feedback", "p-1 paper counted"], rows);
        Assert.Equal("case-hash-1", all[0].GetProperty("reference").GetString());
        await bad.AssertProblemAsync(400, "standing", "held");
    }
}
