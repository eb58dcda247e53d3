using System.Net;
using System.Text;

namespace ScoringCore.Tests;

/// <summary>Paper forms as a CSV batch: every row checked first, each sheet number used once, counted like invitation forms.</summary>
[Collection(RedisTests.Name)]
public sealed class PaperFormApiTests(RedisServer redis) : IDisposable
{
    private readonly ScoringCoreApp _app = new(redis);

    public void Dispose() => _app.Dispose();

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    [Fact]
    public async Task Post_Csv_CountsEachSheetOnce_AndSaysWhichWereEnteredBefore()
    {
        var api = await _app.WithCommunesAsync();
        // As a Vietnamese Excel writes it: ";" between cells, "0,5" for half a point.
        const string first = "communeId;year;form;sheet;q1;q2;q3;q4;q5;collectedOn\nxa-1;2026;citizen;17;2;1;1;0,5;2;2026-11-24\nxa-1;2026;cadre;3;tot;tot;kha;kha;tot;2026-11-24\n";
        const string again = "communeId,year,form,sheet,q1,q2,q3,q4,q5,collectedOn\nxa-1,2026,citizen,17,2,1,1,0.5,2,2026-11-24\nxa-1,2026,citizen,17,0,0,0,0,0,2026-11-25\nxa-1,2026,citizen,18,0,0,0,0,0,2026-11-25\n";

        var created = await api.PostAsync("/api/v1/paper-forms", Csv(first));
        var repeated = await api.PostAsync("/api/v1/paper-forms", Csv(again));

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(["created", "created"], (await created.JsonAsync()).EnumerateArray().Select(r => r.GetProperty("result").GetString()));
        Assert.Equal(["repeated", "alreadyEntered", "created"], (await repeated.JsonAsync()).EnumerateArray().Select(r => r.GetProperty("result").GetString()));
        var card = await (await api.GetAsync("/api/v1/communes/xa-1/years/2026/scorecard")).JsonAsync();
        Assert.Equal(2, card.GetProperty("a1").GetProperty("responses").GetInt32());
        Assert.Equal(3.25m, card.GetProperty("a1").GetProperty("score").GetDecimal()); // (6.5 + 0) / 2
        Assert.Equal(1, card.GetProperty("a2").GetProperty("responses").GetInt32());
        var forms = await (await api.GetAsync("/api/v1/communes/xa-1/years/2026/survey-forms")).JsonAsync();
        Assert.All(forms.EnumerateArray(), f => Assert.Equal("paper", f.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task GetForm_BySheetsId_SaysItWasEntered_And404NamesTheIdOtherwise()
    {
        var api = await _app.WithCommunesAsync();
        await api.PostAsync("/api/v1/paper-forms", Csv("communeId,year,form,sheet,q1,q2,q3,q4,q5,collectedOn\nxa-1,2026,citizen,A-017,2,1,1,0.5,2,2026-11-24\n"));

        var entered = await api.GetAsync("/api/v1/communes/xa-1/years/2026/survey-forms/paper-citizen-xa-1-2026-A-017");
        var otherForm = await api.GetAsync("/api/v1/communes/xa-1/years/2026/survey-forms/paper-cadre-xa-1-2026-A-017");
        var notAnId = await api.GetAsync("/api/v1/communes/xa-1/years/2026/survey-forms/%20%2F..");

        Assert.Equal(HttpStatusCode.OK, entered.StatusCode);
        var form = await entered.JsonAsync();
        Assert.Equal(("A-017", "counted", 6.5m), (form.GetProperty("reference").GetString(), form.GetProperty("standing").GetString(), form.GetProperty("score").GetDecimal()));
        await otherForm.AssertProblemAsync(404, "responseId", "paper-cadre-xa-1-2026-A-017");
        await notAnId.AssertProblemAsync(404, "responseId", "Không có phiếu khảo sát");
    }

    [Theory]
    [InlineData("", "", "dòng tiêu đề")]
    [InlineData("a,b\nx,y\n", "", "communeId,year,form,sheet")]
    [InlineData("communeId,year,form,sheet,q1,q2,q3,q4,q5,collectedOn\nxa-1,2026,citizen,1,2,1,1\n", "[1]", "đúng 10 cột")]
    [InlineData("communeId,year,form,sheet,q1,q2,q3,q4,q5,collectedOn\nxa-1,2026,citizen,1,2,1,3,1,1,2026-11-24\n", "[1].q3", "0.5 (trung-binh)")]
    [InlineData("communeId,year,form,sheet,q1,q2,q3,q4,q5,collectedOn\nxa-1,2026,citizen,1,2,1,1,1,1,24/11/2026\n", "[1].collectedOn", "2026-11-25")]
    [InlineData("communeId,year,form,sheet,q1,q2,q3,q4,q5,collectedOn\nxa-1,2026,citizen,1,2,1,1,1,1,2026-11-24\nxa-1,2040,citizen,2,2,1,1,1,1,2026-11-24\n", "[2].year", "từ 2024 đến 2030")]
    [InlineData("communeId,year,form,sheet,q1,q2,q3,q4,q5,collectedOn\nxa-1,2026,citizen,số 1,2,1,1,1,1,2026-11-24\n", "[1].sheet", "số phiếu")]
    public async Task Post_BadCsv_Is400NamingRowAndColumn_AndStoresNothing(string csv, string field, string detail)
    {
        var api = await _app.WithCommunesAsync();

        var response = await api.PostAsync("/api/v1/paper-forms", Csv(csv));

        await response.AssertProblemAsync(400, field, detail);
        var card = await (await api.GetAsync("/api/v1/communes/xa-1/years/2026/scorecard")).JsonAsync();
        Assert.Equal(0, card.GetProperty("a1").GetProperty("responses").GetInt32());
    }
}
