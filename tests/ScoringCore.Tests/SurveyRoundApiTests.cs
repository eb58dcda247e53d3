using System.Net;
using System.Net.Http.Json;

namespace ScoringCore.Tests;

/// <summary>The appraising level's survey round per commune: by default the scheme's window, set or closed by an appraiser, and what it does to counting.</summary>
[Collection(RedisTests.Name)]
public sealed class SurveyRoundApiTests(RedisServer redis) : IDisposable
{
    private readonly ScoringCoreApp _app = new(redis);

    public void Dispose() => _app.Dispose();

    private static object Invitation(string id, string visitedAt) => new
    {
        responseId = id, form = "citizen", communeId = "xa-1", year = 2026, answers = new[] { "tot", "tot", "tot", "tot", "tot" },
        submittedAt = "2026-11-25T09:30:00+07:00", channel = "webchat", source = "invitation", reference = "case-" + id, visitedAt,
    };

    [Fact]
    public async Task Get_WithoutARound_IsTheSchemesWindowAndTarget()
    {
        var api = await _app.WithCommunesAsync();

        var round = await (await api.GetAsync("/api/v1/communes/xa-1/years/2026/survey-round")).JsonAsync();

        Assert.Equal("2026-11-23", round.GetProperty("opensOn").GetString());
        Assert.Equal("2026-11-27", round.GetProperty("closesOn").GetString());
        Assert.Equal(30, round.GetProperty("citizenTarget").GetInt32());
        Assert.False(round.GetProperty("set").GetBoolean());
    }

    [Fact]
    public async Task ClosedEarly_VisitsAfterTheCloseDoNotCount_AndTheTargetShowsInProgress()
    {
        var api = await _app.WithCommunesAsync();
        var put = await api.PutAsJsonAsync("/api/v1/communes/xa-1/years/2026/survey-round", new { closesOn = "2026-11-24", citizenTarget = 2, changedBy = "Sở Nội vụ" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        await api.PostAsJsonAsync("/api/v1/survey-responses", Invitation("a", "2026-11-24T15:00:00+07:00"));
        await api.PostAsJsonAsync("/api/v1/survey-responses", Invitation("b", "2026-11-25T08:00:00+07:00"));

        var progress = await (await api.GetAsync("/api/v1/units/p/years/2026/survey-progress")).JsonAsync();
        var xa1 = progress.EnumerateArray().Single(c => c.GetProperty("communeId").GetString() == "xa-1");
        Assert.Equal(1, xa1.GetProperty("citizen").GetProperty("counted").GetInt32());
        Assert.Equal(1, xa1.GetProperty("citizen").GetProperty("outsideWindow").GetInt32());
        Assert.Equal(1, xa1.GetProperty("citizenMissing").GetInt32());
        Assert.Equal("Sở Nội vụ", xa1.GetProperty("round").GetProperty("changedBy").GetString());
        Assert.Equal(3, progress.GetArrayLength());
        Assert.Equal(30, progress[1].GetProperty("citizenMissing").GetInt32());
    }

    [Theory]
    [InlineData("""{"opensOn":"23/11/2026","changedBy":"a"}""", "opensOn", "2026-11-23")]
    [InlineData("""{"opensOn":"2025-11-23","changedBy":"a"}""", "opensOn", "năm 2026")]
    [InlineData("""{"opensOn":"2026-11-28","changedBy":"a"}""", "closesOn", "không được trước")]
    [InlineData("""{"citizenTarget":0,"changedBy":"a"}""", "citizenTarget", "từ 1 đến")]
    [InlineData("""{"citizenTarget":30}""", "changedBy", "Thiếu trường changedBy")]
    public async Task Put_Bad_Is400NamingTheField(string body, string field, string detail)
    {
        var api = await _app.WithCommunesAsync();

        var response = await api.PutAsync("/api/v1/communes/xa-1/years/2026/survey-round", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(400, field, detail);
    }

    [Fact]
    public async Task UnknownCommuneOrUnit_Is404()
    {
        var api = await _app.WithCommunesAsync();

        await (await api.GetAsync("/api/v1/communes/xa-9/years/2026/survey-round")).AssertProblemAsync(404, "communeId", "xa-9");
        await (await api.GetAsync("/api/v1/units/nowhere/years/2026/survey-progress")).AssertProblemAsync(404, "unitId", "nowhere");
    }
}
