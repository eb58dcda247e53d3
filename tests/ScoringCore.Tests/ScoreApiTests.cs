using System.Text.Json;
using System.Net.Http.Json;
using Scoring.Loading;

namespace ScoringCore.Tests;

[Collection(RedisTests.Name)]
public sealed class ScoreApiTests(RedisServer redis) : IDisposable
{
    private static readonly Dictionary<string, decimal> FullMarks =
        SchemeLoader.Load().Rubric.Leaves.ToDictionary(l => l.Id, l => l.Max);

    private readonly ScoringCoreApp _app = new(redis);

    public void Dispose() => _app.Dispose();

    private static async Task SubmitAsync(HttpClient api, string commune, string form, int count, string[] answers)
    {
        for (var i = 0; i < count; i++)
        {
            var response = await api.PostAsJsonAsync("/api/v1/survey-responses", new
            {
                responseId = $"{commune}-{form}-{i}-{string.Join("", answers)}",
                form,
                communeId = commune,
                year = 2026,
                answers,
                submittedAt = "2026-11-24T08:00:00+07:00",
                channel = "zalo",
            });
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>Self-scores with <paramref name="lost"/> points taken off item 1.6 (worth 7).</summary>
    private static async Task SelfScoreAsync(HttpClient api, string commune, decimal lost)
    {
        var items = new Dictionary<string, decimal>(FullMarks) { ["1.6"] = 7m - lost };
        var response = await api.PutAsJsonAsync($"/api/v1/communes/{commune}/years/2026/self-assessment", new { items, submittedBy = "Cán bộ", final = true });
        response.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Scorecard_CombinesSurveysAndB()
    {
        var api = await _app.WithCommunesAsync(1);
        await SubmitAsync(api, "xa-1", "citizen", 2, ["tot", "tot", "tot", "tot", "tot"]);
        await SubmitAsync(api, "xa-1", "citizen", 1, ["tot", "tot", "tot", "tot", "kha"]);
        await SubmitAsync(api, "xa-1", "cadre", 4, ["tot", "tot", "kha", "kha", "trung-binh"]);
        await SelfScoreAsync(api, "xa-1", lost: 6m);

        var card = await (await api.GetAsync("/api/v1/communes/xa-1/years/2026/scorecard")).JsonAsync();

        // A1 = 29 / 3 = 9.67; A2 = 6.5; B = 74 → 90.17, level 3, 4.83 short of level 4.
        Assert.Equal("xa-1", card.GetProperty("communeId").GetString());
        Assert.Equal(9.67m, card.GetProperty("a1").GetProperty("score").GetDecimal());
        Assert.Equal(3, card.GetProperty("a1").GetProperty("responses").GetInt32());
        Assert.Equal(0, card.GetProperty("a1").GetProperty("outsideWindow").GetInt32());
        Assert.Equal(6.5m, card.GetProperty("a2").GetProperty("score").GetDecimal());
        Assert.Equal(4, card.GetProperty("a2").GetProperty("responses").GetInt32());
        Assert.Equal(74m, card.GetProperty("b").GetProperty("self").GetDecimal());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, card.GetProperty("b").GetProperty("appraised").ValueKind);
        Assert.Equal(5, card.GetProperty("b").GetProperty("criteria").GetArrayLength());
        Assert.Equal(90.17m, card.GetProperty("total").GetDecimal());
        Assert.Equal("level3", card.GetProperty("level").GetString());
        Assert.False(card.GetProperty("disqualified").GetBoolean());
        Assert.Equal("level4", card.GetProperty("nextLevel").GetProperty("level").GetString());
        Assert.Equal(4.83m, card.GetProperty("nextLevel").GetProperty("pointsNeeded").GetDecimal());
        Assert.Equal("1.6", card.GetProperty("lostPoints")[0].GetProperty("id").GetString());
        Assert.Equal(6m, card.GetProperty("lostPoints")[0].GetProperty("lost").GetDecimal());
    }

    [Fact]
    public async Task Scorecard_UnknownCommune_Is404()
    {
        var api = await _app.WithCommunesAsync(1);

        await (await api.GetAsync("/api/v1/communes/xa-7/years/2026/scorecard")).AssertProblemAsync(404, "communeId", "xa-7");
        await (await api.GetAsync("/api/v1/communes/p/years/2026/scorecard")).AssertProblemAsync(404, "communeId", "\"p\"");
    }

    [Fact]
    public async Task Summary_CountsLevelsAndChecksTheYearsTargets()
    {
        var api = await _app.WithCommunesAsync(4);
        // All communes: A1 = A2 = 10. B decides: 80 → 100 (level 4), 74 → 94 (level 3), 66 → 86 (level 2), 50 → 70 (none).
        await FullSurveysAsync(api, "xa-1", "xa-2", "xa-3", "xa-4");
        await SelfScoreAsync(api, "xa-1", lost: 0m);
        await SelfScoreAsync(api, "xa-2", lost: 6m);
        var low = new Dictionary<string, decimal>(FullMarks) { ["1.6"] = 0m, ["5.1"] = 0m };
        (await api.PutAsJsonAsync("/api/v1/communes/xa-3/years/2026/self-assessment", new { items = low, submittedBy = "Cán bộ", final = true })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync("/api/v1/communes/xa-4/years/2026/self-assessment", new { items = new Dictionary<string, decimal>(FullMarks) { ["1.6"] = 0m, ["5.1"] = 0m, ["4.1"] = 0m, ["2.2"] = 0m, ["2.4.e.2"] = 0m, ["3.4"] = 0m }, submittedBy = "Cán bộ", final = true })).EnsureSuccessStatusCode();

        foreach (var commune in new[] { "xa-1", "xa-2", "xa-3", "xa-4" })
        {
            await AppraiseAsSubmittedAsync(api, commune);
        }

        var summary = await (await api.GetAsync("/api/v1/units/p/years/2026/summary")).JsonAsync();

        Assert.Equal(4, summary.GetProperty("communes").GetInt32());
        var byLevel = summary.GetProperty("byLevel");
        Assert.Equal([1, 0, 1, 1, 1], new[] { "none", "level1", "level2", "level3", "level4" }.Select(l => byLevel.GetProperty(l).GetInt32()));
        Assert.Equal(0.75m, summary.GetProperty("meetingStandardShare").GetDecimal());
        Assert.Equal(0.75m, summary.GetProperty("aboveLevel1Share").GetDecimal());
        var targets = summary.GetProperty("targets");
        Assert.Equal(0.9m, targets.GetProperty("meetingStandardShare").GetDecimal());
        Assert.False(targets.GetProperty("meetingStandardMet").GetBoolean());
        Assert.True(targets.GetProperty("aboveLevel1Met").GetBoolean());
        Assert.True(targets.GetProperty("level4Met").GetBoolean());
        Assert.False(targets.GetProperty("met").GetBoolean());
    }

    /// <summary>One citizen and one cadre form with every answer Tốt for each commune: A1 = A2 = 10.</summary>
    private static async Task FullSurveysAsync(HttpClient api, params string[] communes)
    {
        foreach (var commune in communes)
        {
            await SubmitAsync(api, commune, "citizen", 1, ["tot", "tot", "tot", "tot", "tot"]);
            await SubmitAsync(api, commune, "cadre", 1, ["tot", "tot", "tot", "tot", "tot"]);
        }
    }

    /// <summary>The appraising level confirms every self-score as it stands.</summary>
    private static async Task AppraiseAsSubmittedAsync(HttpClient api, string commune)
    {
        var stored = await (await api.GetAsync($"/api/v1/communes/{commune}/years/2026/assessment")).JsonAsync();
        var items = stored.GetProperty("self").GetProperty("items").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDecimal());
        (await api.PutAsJsonAsync($"/api/v1/communes/{commune}/years/2026/appraisal", new { items, reasons = new Dictionary<string, string>(), appraisedBy = "Sở Nội vụ" })).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Summary_CountsFinalLevelsOnly_SubmittedAsProvisional_DraftsListed()
    {
        // The issue's province: one appraised, one submitted and not appraised, one draft, one with nothing.
        var api = await _app.WithCommunesAsync(4);
        await FullSurveysAsync(api, "xa-1", "xa-2", "xa-3", "xa-4");
        await SelfScoreAsync(api, "xa-1", lost: 0m);
        await AppraiseAsSubmittedAsync(api, "xa-1");
        await SelfScoreAsync(api, "xa-2", lost: 0m);
        (await api.PutAsJsonAsync("/api/v1/communes/xa-3/years/2026/self-assessment", new { items = FullMarks, submittedBy = "Cán bộ" })).EnsureSuccessStatusCode();

        var summary = await (await api.GetAsync("/api/v1/units/p/years/2026/summary")).JsonAsync();
        var cards = new Dictionary<string, JsonElement>();
        foreach (var commune in new[] { "xa-1", "xa-2", "xa-3", "xa-4" })
        {
            cards[commune] = await (await api.GetAsync($"/api/v1/communes/{commune}/years/2026/scorecard")).JsonAsync();
        }

        Assert.Equal(0.25m, summary.GetProperty("meetingStandardShare").GetDecimal());
        Assert.Equal(1, summary.GetProperty("byLevel").GetProperty("level4").GetInt32());
        var provisional = summary.GetProperty("provisional");
        Assert.Equal(1, provisional.GetProperty("communes").GetInt32());
        Assert.Equal(1, provisional.GetProperty("byLevel").GetProperty("level4").GetInt32());
        Assert.Equal(0.5m, provisional.GetProperty("meetingStandardShareIfConfirmed").GetDecimal());
        Assert.Equal(["xa-3"], summary.GetProperty("drafts").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(("appraised", false), (cards["xa-1"].GetProperty("status").GetString(), cards["xa-1"].GetProperty("provisional").GetBoolean()));
        Assert.Equal(("submitted", true), (cards["xa-2"].GetProperty("status").GetString(), cards["xa-2"].GetProperty("provisional").GetBoolean()));
        Assert.Equal(("draft", true), (cards["xa-3"].GetProperty("status").GetString(), cards["xa-3"].GetProperty("provisional").GetBoolean()));
        Assert.Equal(("none", true), (cards["xa-4"].GetProperty("status").GetString(), cards["xa-4"].GetProperty("provisional").GetBoolean()));
        // One form each is under the scheme's minimum sample (20 citizens, 8 cadres).
        Assert.True(cards["xa-1"].GetProperty("a1").GetProperty("sampleWarning").GetBoolean());
        Assert.True(cards["xa-1"].GetProperty("a2").GetProperty("sampleWarning").GetBoolean());
    }

    [Fact]
    public async Task AnAppraisalSavedItemByItem_IsNotFinal_UntilEveryItemIsAppraised()
    {
        // The chat saves an appraisal as the appraiser goes: two items looked at are not the appraising level's result.
        var api = await _app.WithCommunesAsync(1);
        await FullSurveysAsync(api, "xa-1");
        await SelfScoreAsync(api, "xa-1", lost: 0m);
        const string Year = "/api/v1/communes/xa-1/years/2026";
        (await api.PutAsJsonAsync(Year + "/appraisal", new { items = new Dictionary<string, decimal> { ["1.1.a"] = 1m, ["1.1.b"] = 1m }, appraisedBy = "Sở Nội vụ" })).EnsureSuccessStatusCode();

        var partCard = await (await api.GetAsync(Year + "/scorecard")).JsonAsync();
        var partSummary = await (await api.GetAsync("/api/v1/units/p/years/2026/summary")).JsonAsync();
        var recognised = await api.PutAsJsonAsync(Year + "/recognition", new { decision = "15/QĐ-UBND", decidedOn = "2026-11-20", decidedBy = "UBND huyện" });
        await AppraiseAsSubmittedAsync(api, "xa-1");
        var wholeCard = await (await api.GetAsync(Year + "/scorecard")).JsonAsync();
        var wholeSummary = await (await api.GetAsync("/api/v1/units/p/years/2026/summary")).JsonAsync();

        Assert.Equal(("submitted", true), (partCard.GetProperty("status").GetString(), partCard.GetProperty("provisional").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, partCard.GetProperty("b").GetProperty("appraised").ValueKind);
        Assert.Equal(0, partSummary.GetProperty("submissions").GetProperty("appraised").GetInt32());
        Assert.Equal(0, partSummary.GetProperty("byLevel").GetProperty("level4").GetInt32());
        await recognised.AssertProblemAsync(409, "", "chưa được thẩm định");
        Assert.Equal(("appraised", false), (wholeCard.GetProperty("status").GetString(), wholeCard.GetProperty("provisional").GetBoolean()));
        Assert.Equal(1, wholeSummary.GetProperty("submissions").GetProperty("appraised").GetInt32());
        Assert.Equal(1, wholeSummary.GetProperty("byLevel").GetProperty("level4").GetInt32());
    }

    [Fact]
    public async Task Summary_ListsCommunesYetToSubmitAndTheWeakestSurveyQuestions()
    {
        var api = await _app.WithCommunesAsync(3);
        await SelfScoreAsync(api, "xa-2", lost: 0m);
        // A draft is not a submission.
        (await api.PutAsJsonAsync("/api/v1/communes/xa-3/years/2026/self-assessment", new { items = new Dictionary<string, decimal> { ["1.1.a"] = 1m }, submittedBy = "Cán bộ" })).EnsureSuccessStatusCode();
        // Question 5 of the citizen form: Yếu and Trung bình → 0.25; question 4: Khá → 1.
        await SubmitAsync(api, "xa-1", "citizen", 1, ["tot", "tot", "tot", "kha", "yeu"]);
        await SubmitAsync(api, "xa-2", "citizen", 1, ["tot", "tot", "tot", "kha", "trung-binh"]);
        await SubmitAsync(api, "xa-2", "cadre", 1, ["tot", "tot", "tot", "tot", "tot"]);

        var summary = await (await api.GetAsync("/api/v1/units/p/years/2026/summary")).JsonAsync();

        var submissions = summary.GetProperty("submissions");
        Assert.Equal(1, submissions.GetProperty("submitted").GetInt32());
        Assert.Equal(0, submissions.GetProperty("appraised").GetInt32());
        Assert.Equal(["xa-1", "xa-3"], submissions.GetProperty("notSubmitted").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(DateTimeOffset.Parse("2026-12-15T00:00:00+07:00", System.Globalization.CultureInfo.InvariantCulture), submissions.GetProperty("selfAssessmentDeadline").GetDateTimeOffset());
        var weakest = summary.GetProperty("weakestQuestions");
        Assert.Equal(3, weakest.GetArrayLength());
        Assert.Equal(("citizen", 5, 0.25m, 2L), (weakest[0].GetProperty("form").GetString(), weakest[0].GetProperty("number").GetInt32(), weakest[0].GetProperty("mean").GetDecimal(), weakest[0].GetProperty("responses").GetInt64()));
        Assert.Equal(("citizen", 4, 1m), (weakest[1].GetProperty("form").GetString(), weakest[1].GetProperty("number").GetInt32(), weakest[1].GetProperty("mean").GetDecimal()));
        Assert.False(string.IsNullOrEmpty(weakest[0].GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Summary_UnknownUnitOrYear_IsRefused()
    {
        var api = await _app.WithCommunesAsync(1);

        await (await api.GetAsync("/api/v1/units/q/years/2026/summary")).AssertProblemAsync(404, "unitId", "\"q\"");
        await (await api.GetAsync("/api/v1/units/p/years/2023/summary")).AssertProblemAsync(400, "year", "2024 đến 2030");
    }
}
