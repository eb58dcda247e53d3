using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Scoring.Loading;

namespace ScoringCore.Tests;

/// <summary>
/// The recognition decision (issue 15 §2): only an appraised level is recognised; a recognised
/// year refuses every write that could change it; a revocation leaves no level and says why; and
/// every change of the result is in the audit trail.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class RecognitionApiTests(RedisServer redis) : IDisposable
{
    private const string Year = "/api/v1/communes/xa-1/years/2026";
    private static readonly Dictionary<string, decimal> FullMarks = SchemeLoader.Load().Rubric.Leaves.ToDictionary(l => l.Id, l => l.Max);
    private static readonly object Decision = new { decision = "16/QĐ-UBND", decidedOn = "2026-11-20", decidedBy = "Chủ tịch UBND huyện" };

    private readonly ScoringCoreApp _app = new(redis);

    public void Dispose() => _app.Dispose();

    private static object Form(string id, string form = "citizen") => new
    {
        responseId = id,
        form,
        communeId = "xa-1",
        year = 2026,
        answers = new[] { "tot", "tot", "tot", "tot", "kha" },
        submittedAt = "2026-11-24T08:00:00+07:00",
        channel = "zalo",
    };

    private static async Task SelfScoreAsync(HttpClient api, bool final = true) =>
        (await api.PutAsJsonAsync(Year + "/self-assessment", new { items = FullMarks, submittedBy = "Văn phòng xã", final })).EnsureSuccessStatusCode();

    private static async Task AppraiseAsync(HttpClient api) =>
        (await api.PutAsJsonAsync(Year + "/appraisal", new { items = FullMarks, reasons = new Dictionary<string, string>(), appraisedBy = "Phòng Nội vụ" })).EnsureSuccessStatusCode();

    /// <summary>A commune with surveys, a final self-assessment and its appraisal: level 4, not yet recognised.</summary>
    private async Task<HttpClient> AppraisedAsync()
    {
        var api = await _app.WithCommunesAsync();
        (await api.PostAsJsonAsync("/api/v1/survey-responses", Form("c-1"))).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/v1/survey-responses", Form("k-1", "cadre"))).EnsureSuccessStatusCode();
        await SelfScoreAsync(api);
        await AppraiseAsync(api);
        return api;
    }

    private static async Task<JsonElement> ScorecardAsync(HttpClient api) => await (await api.GetAsync(Year + "/scorecard")).JsonAsync();

    [Fact]
    public async Task Recognition_BeforeAppraisal_Is409()
    {
        var api = await _app.WithCommunesAsync();

        var nothing = await api.PutAsJsonAsync(Year + "/recognition", Decision);
        await SelfScoreAsync(api);
        var submitted = await api.PutAsJsonAsync(Year + "/recognition", Decision);

        await nothing.AssertProblemAsync(409, "", "chưa được thẩm định");
        await submitted.AssertProblemAsync(409, "", "chưa được thẩm định");
        Assert.Equal("submitted", (await ScorecardAsync(api)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Recognition_OfAnAppraisedLevel_IsRecordedOnTheScorecard_AndRepeatsAreIdempotent()
    {
        var api = await AppraisedAsync();

        var recognised = await api.PutAsJsonAsync(Year + "/recognition", Decision);
        var again = await api.PutAsJsonAsync(Year + "/recognition", Decision);
        var other = await api.PutAsJsonAsync(Year + "/recognition", new { decision = "99/QĐ-UBND", decidedOn = "2026-11-21", decidedBy = "Ai đó" });

        Assert.Equal(HttpStatusCode.OK, recognised.StatusCode);
        var card = await recognised.JsonAsync();
        Assert.Equal("recognised", card.GetProperty("status").GetString());
        Assert.False(card.GetProperty("provisional").GetBoolean());
        var recognition = card.GetProperty("recognition");
        Assert.Equal("16/QĐ-UBND", recognition.GetProperty("decision").GetString());
        Assert.Equal("2026-11-20", recognition.GetProperty("decidedOn").GetString());
        Assert.Equal(card.GetProperty("level").GetString(), recognition.GetProperty("level").GetString());
        Assert.Equal(card.GetProperty("total").GetDecimal(), recognition.GetProperty("total").GetDecimal());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await other.AssertProblemAsync(409, "decision", "16/QĐ-UBND");
    }

    [Fact]
    public async Task Recognition_OfNoLevel_Is409()
    {
        var api = await AppraisedAsync();
        (await api.PutAsJsonAsync(Year + "/disqualification", new { kind = "complaints", note = "Khiếu nại kéo dài" })).EnsureSuccessStatusCode();

        var response = await api.PutAsJsonAsync(Year + "/recognition", Decision);

        await response.AssertProblemAsync(409, "", "không có mức");
    }

    [Fact]
    public async Task RecognisedYear_RefusesEveryWriteThatCouldChangeIt()
    {
        var api = await AppraisedAsync();
        (await api.PutAsJsonAsync(Year + "/recognition", Decision)).EnsureSuccessStatusCode();
        var before = await ScorecardAsync(api);

        var form = await api.PostAsJsonAsync("/api/v1/survey-responses", Form("c-2"));
        var retry = await api.PostAsJsonAsync("/api/v1/survey-responses", Form("c-1"));
        var self = await api.PutAsJsonAsync(Year + "/self-assessment", new { items = FullMarks, submittedBy = "Văn phòng xã", final = true });
        var appraisal = await api.PutAsJsonAsync(Year + "/appraisal", new { items = FullMarks, reasons = new Dictionary<string, string>(), appraisedBy = "Phòng Nội vụ" });
        var disqualify = await api.PutAsJsonAsync(Year + "/disqualification", new { kind = "complaints", note = "x" });
        var lift = await api.DeleteAsync(Year + "/disqualification");
        var round = await api.PutAsJsonAsync(Year + "/survey-round", new { opensOn = "2026-12-01", closesOn = "2026-12-05", changedBy = "Phòng Nội vụ" });
        var paper = await api.PostAsync("/api/v1/paper-forms", new StringContent(
            "communeId,year,form,sheet,q1,q2,q3,q4,q5,collectedOn\nxa-1,2026,citizen,41,2,2,2,2,2,2026-11-24\n", Encoding.UTF8, "text/csv"));

        foreach (var refused in new[] { form, self, appraisal, disqualify, lift, round })
        {
            await refused.AssertProblemAsync(409, "year", "đã có quyết định công nhận");
        }
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("yearClosed", (await paper.JsonAsync())[0].GetProperty("result").GetString());
        var after = await ScorecardAsync(api);
        Assert.Equal(before.GetProperty("total").GetDecimal(), after.GetProperty("total").GetDecimal());
        Assert.Equal(1, after.GetProperty("a1").GetProperty("responses").GetInt32());
    }

    [Fact]
    public async Task RecognisedYear_RefusesAHeldFormDecision()
    {
        // A year that counts open forms holds one finished in ten seconds; the recognition comes before anyone decides it.
        using var dialogs = TestSupport.DialogsCopy.CountingOpenForms(2026);
        using var app = new ScoringCoreApp(redis, dialogsDirectory: dialogs.Path);
        var api = await app.WithCommunesAsync();
        var held = new Dictionary<string, object?>
        {
            ["responseId"] = "fast-1", ["form"] = "citizen", ["communeId"] = "xa-1", ["year"] = 2026,
            ["answers"] = new[] { "yeu", "yeu", "yeu", "yeu", "yeu" }, ["submittedAt"] = "2026-11-24T10:00:10+07:00",
            ["startedAt"] = "2026-11-24T10:00:00+07:00", ["channel"] = "webchat", ["source"] = "open", ["deviceHash"] = "device-fast",
        };
        (await api.PostAsJsonAsync("/api/v1/survey-responses", held)).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/v1/survey-responses", Form("k-1", "cadre"))).EnsureSuccessStatusCode();
        await SelfScoreAsync(api);
        await AppraiseAsync(api);
        Assert.Equal(1, (await ScorecardAsync(api)).GetProperty("a1").GetProperty("held").GetInt32());
        (await api.PutAsJsonAsync(Year + "/recognition", Decision)).EnsureSuccessStatusCode();

        var decided = await api.PostAsJsonAsync(Year + "/survey-forms/fast-1/decision", new { decision = "count", reason = "Đã xác minh", decidedBy = "Phòng Nội vụ" });

        await decided.AssertProblemAsync(409, "year", "2026");
        Assert.Equal(1, (await ScorecardAsync(api)).GetProperty("a1").GetProperty("held").GetInt32());
    }

    [Fact]
    public async Task Revocation_LeavesNoLevel_SaysWhy_AndCountsAsNotMeetingTheStandard()
    {
        var api = await AppraisedAsync();
        var early = await api.SendAsync(Delete(new { decision = "20/QĐ-UBND", reason = "Vi phạm" }));
        (await api.PutAsJsonAsync(Year + "/recognition", Decision)).EnsureSuccessStatusCode();
        var summaryBefore = await (await api.GetAsync("/api/v1/units/p/years/2026/summary")).JsonAsync();

        var noReason = await api.SendAsync(Delete(new { decision = "20/QĐ-UBND" }));
        var revoked = await api.SendAsync(Delete(new { decision = "20/QĐ-UBND", reason = "Phát hiện cán bộ xã vi phạm kỷ luật", decidedBy = "Chủ tịch UBND huyện" }));
        var again = await api.SendAsync(Delete(new { decision = "20/QĐ-UBND", reason = "Phát hiện cán bộ xã vi phạm kỷ luật" }));
        var other = await api.SendAsync(Delete(new { decision = "21/QĐ-UBND", reason = "khác" }));
        var recogniseAgain = await api.PutAsJsonAsync(Year + "/recognition", Decision);

        await early.AssertProblemAsync(409, "", "chưa được công nhận");
        await noReason.AssertProblemAsync(400, "reason", "reason");
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        var card = await revoked.JsonAsync();
        Assert.Equal("revoked", card.GetProperty("status").GetString());
        Assert.Equal("none", card.GetProperty("level").GetString());
        Assert.Equal(JsonValueKind.Null, card.GetProperty("nextLevel").ValueKind);
        Assert.Equal("Phát hiện cán bộ xã vi phạm kỷ luật", card.GetProperty("revocation").GetProperty("reason").GetString());
        Assert.Equal("2026-11-25", card.GetProperty("revocation").GetProperty("decidedOn").GetString());
        Assert.Equal("16/QĐ-UBND", card.GetProperty("recognition").GetProperty("decision").GetString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await other.AssertProblemAsync(409, "decision", "20/QĐ-UBND");
        await recogniseAgain.AssertProblemAsync(409, "", "thu hồi");

        var summary = await (await api.GetAsync("/api/v1/units/p/years/2026/summary")).JsonAsync();
        Assert.Equal(1, summaryBefore.GetProperty("byLevel").GetProperty("level4").GetInt32());
        Assert.Equal(0, summary.GetProperty("byLevel").GetProperty("level4").GetInt32());
        Assert.Equal(1, summary.GetProperty("byLevel").GetProperty("none").GetInt32());
        Assert.Equal(0m, summary.GetProperty("meetingStandardShare").GetDecimal());
    }

    [Theory]
    [InlineData("{\"decision\":\"16/QĐ-UBND\",\"decidedOn\":\"2026-02-30\",\"decidedBy\":\"A\"}", "decidedOn", "ngày có thật")]
    [InlineData("{\"decision\":\"16/QĐ-UBND\",\"decidedOn\":\"2027-01-15\",\"decidedBy\":\"A\"}", "decidedOn", "sau ngày hôm nay")]
    [InlineData("{\"decidedOn\":\"2026-11-20\",\"decidedBy\":\"A\"}", "decision", "decision")]
    [InlineData("{\"decision\":\"16/QĐ-UBND\",\"decidedOn\":\"2026-11-20\"}", "decidedBy", "decidedBy")]
    [InlineData("{\"decision\":16}", "decision", "")]
    [InlineData("[1,2]", "", "")]
    public async Task Recognition_BadBody_Is400NamingTheField(string body, string field, string detail)
    {
        var api = await AppraisedAsync();

        var response = await api.PutAsync(Year + "/recognition", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(400, field, detail);
        Assert.Equal("appraised", (await ScorecardAsync(api)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task History_KeepsEveryChangeOfTheResult_WhoWhenWhatWhy()
    {
        var api = await _app.WithCommunesAsync();
        await SelfScoreAsync(api, final: false);
        await SelfScoreAsync(api);
        await AppraiseAsync(api);
        (await api.PutAsJsonAsync(Year + "/disqualification", new { kind = "complaints", note = "Đơn thư kéo dài" })).EnsureSuccessStatusCode();
        (await api.SendAsync(new HttpRequestMessage(HttpMethod.Delete, Year + "/disqualification") { Content = JsonContent.Create(new { note = "Đã giải quyết xong" }) })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync(Year + "/recognition", Decision)).EnsureSuccessStatusCode();
        (await api.SendAsync(Delete(new { decision = "20/QĐ-UBND", reason = "Vi phạm", decidedBy = "Chủ tịch UBND huyện" }))).EnsureSuccessStatusCode();

        var history = (await (await api.GetAsync(Year + "/history")).JsonAsync()).EnumerateArray().ToList();

        Assert.Equal(
            ["self-assessment-draft", "self-assessment-final", "appraisal", "disqualification", "disqualification-lifted", "recognition", "revocation"],
            history.Select(h => h.GetProperty("change").GetString()));
        Assert.Equal("Văn phòng xã", history[0].GetProperty("by").GetString());
        Assert.Equal("Phòng Nội vụ", history[2].GetProperty("by").GetString());
        Assert.Equal("Đã giải quyết xong", history[4].GetProperty("reason").GetString());
        Assert.Contains("16/QĐ-UBND", history[5].GetProperty("detail").GetString());
        Assert.Equal("Vi phạm", history[6].GetProperty("reason").GetString());
        Assert.All(history, h => Assert.Equal(_app.Clock.Now, h.GetProperty("at").GetDateTimeOffset()));
        await (await api.GetAsync("/api/v1/communes/xa-9/years/2026/history")).AssertProblemAsync(404, "communeId", "xa-9");
    }

    private static HttpRequestMessage Delete(object body) =>
        new(HttpMethod.Delete, Year + "/recognition") { Content = JsonContent.Create(body) };
}
