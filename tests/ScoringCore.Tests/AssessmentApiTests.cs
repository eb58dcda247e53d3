using System.Net;
using System.Net.Http.Json;
using System.Text;
using Scoring.Loading;

namespace ScoringCore.Tests;

[Collection(RedisTests.Name)]
public sealed class AssessmentApiTests(RedisServer redis) : IDisposable
{
    private const string Self = "/api/v1/communes/xa-1/years/2026/self-assessment";
    private const string Appraisal = "/api/v1/communes/xa-1/years/2026/appraisal";
    private const string Disqualification = "/api/v1/communes/xa-1/years/2026/disqualification";
    private const string Scorecard = "/api/v1/communes/xa-1/years/2026/scorecard";

    private static readonly Dictionary<string, decimal> FullMarks =
        SchemeLoader.Load().Rubric.Leaves.ToDictionary(l => l.Id, l => l.Max);

    private readonly ScoringCoreApp _app = new(redis);

    public void Dispose() => _app.Dispose();

    private static object Body(IReadOnlyDictionary<string, decimal> items, bool final = false, Dictionary<string, string>? evidence = null) =>
        new { items, evidence = evidence ?? new Dictionary<string, string>(), submittedBy = "Nguyễn Văn A", final };

    [Fact]
    public async Task PutSelf_PartialDraft_IsSavedAndScored()
    {
        var api = await _app.WithCommunesAsync();

        var response = await api.PutAsJsonAsync(Self, Body(new Dictionary<string, decimal> { ["1.1.a"] = 1m, ["4.2.a"] = 0.5m }, evidence: new() { ["1.1.a"] = "https://xa.gov.vn/tuyen-truyen" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await response.JsonAsync();
        Assert.Equal(1.5m, saved.GetProperty("bSelf").GetDecimal());
        Assert.Equal(2, saved.GetProperty("itemsScored").GetInt32());
        Assert.Equal(46, saved.GetProperty("itemsMissing").GetInt32());
        Assert.False(saved.GetProperty("final").GetBoolean());
    }

    public static TheoryData<string, string, string> InvalidItems => new()
    {
        { """{"items":{"9.9":1},"submittedBy":"A"}""", "items.9.9", "không có mục \"9.9\"" },
        { """{"items":{"1.1":2},"submittedBy":"A"}""", "items.1.1", "gồm các mục con" },
        { """{"items":{"1.1.a":-1},"submittedBy":"A"}""", "items.1.1.a", "không được âm" },
        { """{"items":{"1.6":8},"submittedBy":"A"}""", "items.1.6", "tối đa 7 điểm" },
        { """{"items":{"4.2.a":0.25},"submittedBy":"A"}""", "items.4.2.a", "các giá trị 0; 0,5" },
        { """{"items":{"1.1.a":"một"},"submittedBy":"A"}""", "items.1.1.a", "sai kiểu dữ liệu" },
        { """{"items":{"1.1.a":1}}""", "submittedBy", "Thiếu trường submittedBy" },
        { """{"items":{"1.1.a":1},"evidence":{"TC1":"x"},"submittedBy":"A"}""", "evidence.TC1", "không có mục \"TC1\" được chấm" },
        { """{"items":{"1.1.a":1},"submittedBy":"A","final":true}""", "items", "còn thiếu 47 mục" },
        { "{", "", "không phải JSON hợp lệ" },
    };

    [Theory]
    [MemberData(nameof(InvalidItems))]
    public async Task PutSelf_Invalid_Is400NamingTheItem(string body, string field, string detail)
    {
        var api = await _app.WithCommunesAsync();

        var response = await api.PutAsync(Self, new StringContent(body, Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(400, field, detail);
    }

    [Fact]
    public async Task PutSelf_UnknownCommuneOrYear_IsRefused()
    {
        var api = await _app.WithCommunesAsync();

        await (await api.PutAsJsonAsync("/api/v1/communes/xa-9/years/2026/self-assessment", Body(FullMarks))).AssertProblemAsync(404, "communeId", "xa-9");
        await (await api.PutAsJsonAsync("/api/v1/communes/xa-1/years/2031/self-assessment", Body(FullMarks))).AssertProblemAsync(400, "year", "2024 đến 2030");
        await (await api.PutAsJsonAsync("/api/v1/communes/xa-1/years/nam-nay/self-assessment", Body(FullMarks))).AssertProblemAsync(400, "year", "2024 đến 2030");
    }

    [Fact]
    public async Task PutSelf_FinalBeforeTheDeadline_IsAccepted_AndCannotGoBackToDraft()
    {
        var api = await _app.WithCommunesAsync();
        _app.Clock.Now = DateTimeOffset.Parse("2026-12-14T16:59:59Z", System.Globalization.CultureInfo.InvariantCulture); // 14/12 23:59:59 in Vietnam

        var final = await api.PutAsJsonAsync(Self, Body(FullMarks, final: true));
        var draft = await api.PutAsJsonAsync(Self, Body(FullMarks, final: false));

        Assert.Equal(HttpStatusCode.OK, final.StatusCode);
        Assert.Equal(80m, (await final.JsonAsync()).GetProperty("bFinal").GetDecimal());
        await draft.AssertProblemAsync(409, "final", "không thể quay về bản nháp");
    }

    [Fact]
    public async Task PutSelf_FinalAfterTheDeadline_Is409ButDraftsStillSave()
    {
        var api = await _app.WithCommunesAsync();
        _app.Clock.Now = DateTimeOffset.Parse("2026-12-14T17:00:00Z", System.Globalization.CultureInfo.InvariantCulture); // 15/12 00:00 in Vietnam

        var late = await api.PutAsJsonAsync(Self, Body(FullMarks, final: true));
        var draft = await api.PutAsJsonAsync(Self, Body(FullMarks, final: false));

        await late.AssertProblemAsync(409, "final", "trước ngày 15/12/2026");
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
    }

    [Fact]
    public async Task PutAppraisal_BeforeAFinalSelfAssessment_Is409()
    {
        var api = await _app.WithCommunesAsync();
        await api.PutAsJsonAsync(Self, Body(FullMarks, final: false));

        var response = await api.PutAsJsonAsync(Appraisal, new { items = new { }, appraisedBy = "Sở Nội vụ" });

        await response.AssertProblemAsync(409, "", "chưa nộp bản tự chấm chính thức");
    }

    [Fact]
    public async Task PutAppraisal_ChangeWithoutReason_Is400_WithReason_Wins()
    {
        var api = await _app.WithCommunesAsync();
        await api.PutAsJsonAsync(Self, Body(FullMarks, final: true));

        var noReason = await api.PutAsJsonAsync(Appraisal, new { items = new Dictionary<string, decimal> { ["1.6"] = 5m, ["1.1.a"] = 1m }, appraisedBy = "Sở Nội vụ" });
        var withReason = await api.PutAsJsonAsync(Appraisal, new
        {
            items = new Dictionary<string, decimal>(FullMarks) { ["1.6"] = 5m, ["1.1.a"] = 1m },
            reasons = new Dictionary<string, string> { ["1.6"] = "2 hồ sơ trễ hạn" },
            appraisedBy = "Sở Nội vụ",
        });

        await noReason.AssertProblemAsync(400, "reasons.1.6", "khác điểm tự chấm (7)");
        Assert.Equal(HttpStatusCode.OK, withReason.StatusCode);
        var card = await (await api.GetAsync(Scorecard)).JsonAsync();
        var b = card.GetProperty("b");
        Assert.Equal(80m, b.GetProperty("self").GetDecimal());
        Assert.Equal(78m, b.GetProperty("appraised").GetDecimal());
        Assert.Equal(78m, b.GetProperty("final").GetDecimal());
        var tc1 = b.GetProperty("criteria")[0];
        Assert.Equal("TC1", tc1.GetProperty("id").GetString());
        Assert.Equal(20m, tc1.GetProperty("final").GetDecimal());
    }

    [Fact]
    public async Task GetAssessment_ReturnsTheDraftThenTheAppraisal()
    {
        var api = await _app.WithCommunesAsync();
        var empty = await (await api.GetAsync("/api/v1/communes/xa-1/years/2026/assessment")).JsonAsync();
        await api.PutAsJsonAsync(Self, Body(new Dictionary<string, decimal> { ["1.1.a"] = 1m }, evidence: new() { ["1.1.a"] = "Biên bản số 3" }));
        var draft = await (await api.GetAsync("/api/v1/communes/xa-1/years/2026/assessment")).JsonAsync();

        Assert.Equal(System.Text.Json.JsonValueKind.Null, empty.GetProperty("self").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, empty.GetProperty("appraisal").ValueKind);
        Assert.Equal(1m, draft.GetProperty("self").GetProperty("items").GetProperty("1.1.a").GetDecimal());
        Assert.Equal("Biên bản số 3", draft.GetProperty("self").GetProperty("evidence").GetProperty("1.1.a").GetString());
        Assert.False(draft.GetProperty("self").GetProperty("final").GetBoolean());
        await (await api.GetAsync("/api/v1/communes/xa-9/years/2026/assessment")).AssertProblemAsync(404, "communeId", "xa-9");
    }

    [Fact]
    public async Task Disqualification_LiftedWithANote_KeepsTheNoteOnTheScorecard()
    {
        var api = await _app.WithCommunesAsync();
        await api.PutAsJsonAsync(Disqualification, new { kind = "complaints", note = "Khiếu nại đông người" });

        using var lift = new HttpRequestMessage(HttpMethod.Delete, Disqualification) { Content = JsonContent.Create(new { note = "Đã giải quyết xong theo kết luận thanh tra" }) };
        var lifted = await api.SendAsync(lift);
        var card = await (await api.GetAsync(Scorecard)).JsonAsync();
        using var tooLong = new HttpRequestMessage(HttpMethod.Delete, Disqualification) { Content = JsonContent.Create(new { note = new string('x', 5000) }) };
        await api.PutAsJsonAsync(Disqualification, new { kind = "complaints", note = "Lần nữa" });
        var refused = await api.SendAsync(tooLong);
        var again = await (await api.GetAsync(Scorecard)).JsonAsync();

        Assert.Equal(System.Net.HttpStatusCode.NoContent, lifted.StatusCode);
        Assert.False(card.GetProperty("disqualified").GetBoolean());
        Assert.Equal("Đã giải quyết xong theo kết luận thanh tra", card.GetProperty("disqualificationLifted").GetString());
        await refused.AssertProblemAsync(400, "note", "");
        Assert.True(again.GetProperty("disqualified").GetBoolean());
        Assert.False(again.TryGetProperty("disqualificationLifted", out _));
    }

    [Fact]
    public async Task Disqualification_PutThenDelete_ChangesTheLevel()
    {
        var api = await _app.WithCommunesAsync();
        await api.PutAsJsonAsync(Self, Body(FullMarks, final: true));

        var put = await api.PutAsJsonAsync(Disqualification, new { kind = "discipline", note = "Công chức bị khiển trách" });
        var disqualified = await (await api.GetAsync(Scorecard)).JsonAsync();
        var delete = await api.DeleteAsync(Disqualification);
        var lifted = await (await api.GetAsync(Scorecard)).JsonAsync();
        var deleteAgain = await api.DeleteAsync(Disqualification);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.True(disqualified.GetProperty("disqualified").GetBoolean());
        Assert.Equal("none", disqualified.GetProperty("level").GetString());
        Assert.Equal("discipline", disqualified.GetProperty("disqualification").GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.False(lifted.GetProperty("disqualified").GetBoolean());
        Assert.Equal("level1", lifted.GetProperty("level").GetString()); // B = 80, no surveys yet
        await deleteAgain.AssertProblemAsync(404, "", "chưa có ghi nhận");
    }

    [Fact]
    public async Task Disqualification_BeforeAnySubmission_CountsInTheRollupAsNotMeetingTheStandard_NotAsStillToSubmit()
    {
        var api = await _app.WithCommunesAsync();
        var before = await (await api.GetAsync("/api/v1/units/p/years/2026/summary")).JsonAsync();

        await api.PutAsJsonAsync(Disqualification, new { kind = "complaints", note = "Khiếu nại đông người, kéo dài" });
        var after = await (await api.GetAsync("/api/v1/units/p/years/2026/summary")).JsonAsync();
        var card = await (await api.GetAsync(Scorecard)).JsonAsync();

        Assert.Equal(0, before.GetProperty("byLevel").GetProperty("none").GetInt32());
        Assert.Contains("xa-1", before.GetProperty("submissions").GetProperty("notSubmitted").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(1, after.GetProperty("byLevel").GetProperty("none").GetInt32());
        Assert.DoesNotContain("xa-1", after.GetProperty("submissions").GetProperty("notSubmitted").EnumerateArray().Select(c => c.GetString()));
        Assert.False(card.GetProperty("provisional").GetBoolean());
    }

    [Theory]
    [InlineData("""{"kind":"late","note":"x"}""", "kind", "\"complaints\", \"discipline\"")]
    [InlineData("""{"note":"x"}""", "kind", "Thiếu trường kind")]
    [InlineData("""{"kind":"complaints","note":" "}""", "note", "Thiếu trường note")]
    public async Task Disqualification_Invalid_Is400(string body, string field, string detail)
    {
        var api = await _app.WithCommunesAsync();

        var response = await api.PutAsync(Disqualification, new StringContent(body, Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(400, field, detail);
    }
}
