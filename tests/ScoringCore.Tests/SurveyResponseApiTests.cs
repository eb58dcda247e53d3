using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace ScoringCore.Tests;

[Collection(RedisTests.Name)]
public sealed class SurveyResponseApiTests(RedisServer redis) : IDisposable
{
    private readonly ScoringCoreApp _app = new(redis);

    public void Dispose() => _app.Dispose();

    private static Dictionary<string, object?> Response(string id, string commune = "xa-1", string form = "citizen", string submittedAt = "2026-11-25T09:30:00+07:00", params string[] answers) => new()
    {
        ["responseId"] = id,
        ["form"] = form,
        ["communeId"] = commune,
        ["year"] = 2026,
        ["answers"] = answers.Length > 0 ? answers : new[] { "tot", "tot", "kha", "trung-binh", "yeu" },
        ["submittedAt"] = submittedAt,
        ["channel"] = "webchat",
    };

    [Fact]
    public async Task Post_NewResponse_Is201WithTheScoredRecord()
    {
        var api = await _app.WithCommunesAsync();

        var response = await api.PostAsJsonAsync("/api/v1/survey-responses", Response("r-1"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("r-1", body.GetProperty("responseId").GetString());
        Assert.Equal(5.5m, body.GetProperty("score").GetDecimal());
        Assert.True(body.GetProperty("inWindow").GetBoolean());
        Assert.Equal("2026-11-25T02:30:00Z", body.GetProperty("submittedAt").GetString());
    }

    [Fact]
    public async Task Post_SameIdSameContent_Is200WithTheSameBodyAndCountsOnce()
    {
        var api = await _app.WithCommunesAsync();
        var first = await api.PostAsJsonAsync("/api/v1/survey-responses", Response("r-1"));
        // The same instant written in UTC is the same content.
        var again = await api.PostAsJsonAsync("/api/v1/survey-responses", Response("r-1", submittedAt: "2026-11-25T02:30:00Z"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        var card = await (await api.GetAsync("/api/v1/communes/xa-1/years/2026/scorecard")).JsonAsync();
        Assert.Equal(1, card.GetProperty("a1").GetProperty("responses").GetInt32());
        Assert.Equal(5.5m, card.GetProperty("a1").GetProperty("score").GetDecimal());
    }

    [Fact]
    public async Task Post_SameIdOtherContent_Is409AndTheFirstStands()
    {
        var api = await _app.WithCommunesAsync();
        await api.PostAsJsonAsync("/api/v1/survey-responses", Response("r-1"));

        var changed = await api.PostAsJsonAsync("/api/v1/survey-responses", Response("r-1", answers: ["yeu", "yeu", "yeu", "yeu", "yeu"]));

        await changed.AssertProblemAsync(409, "responseId", "đã được dùng cho một phiếu có nội dung khác");
        var card = await (await api.GetAsync("/api/v1/communes/xa-1/years/2026/scorecard")).JsonAsync();
        Assert.Equal(5.5m, card.GetProperty("a1").GetProperty("score").GetDecimal());
    }

    [Fact]
    public async Task Post_UnknownCommune_Is404()
    {
        var api = await _app.WithCommunesAsync();

        var response = await api.PostAsJsonAsync("/api/v1/survey-responses", Response("r-1", commune: "xa-khong-co"));

        await response.AssertProblemAsync(404, "communeId", "Không tìm thấy xã");
    }

    [Fact]
    public async Task Post_ProvinceIdAsCommune_Is404()
    {
        var api = await _app.WithCommunesAsync();

        var response = await api.PostAsJsonAsync("/api/v1/survey-responses", Response("r-1", commune: "p"));

        await response.AssertProblemAsync(404, "communeId", "Không tìm thấy xã");
    }

    [Fact]
    public async Task Post_CitizenOutsideTheWindow_IsStoredButNotCountedInA1()
    {
        var api = await _app.WithCommunesAsync();

        var outside = await api.PostAsJsonAsync("/api/v1/survey-responses", Response("r-out", submittedAt: "2026-11-20T09:00:00+07:00", answers: ["yeu", "yeu", "yeu", "yeu", "yeu"]));
        await api.PostAsJsonAsync("/api/v1/survey-responses", Response("r-in", answers: ["tot", "tot", "tot", "tot", "tot"]));
        var explicitlyOutside = Response("r-flag", answers: ["yeu", "yeu", "yeu", "yeu", "yeu"]);
        explicitlyOutside["inWindow"] = false;
        await api.PostAsJsonAsync("/api/v1/survey-responses", explicitlyOutside);

        Assert.False((await outside.JsonAsync()).GetProperty("inWindow").GetBoolean());
        var a1 = (await (await api.GetAsync("/api/v1/communes/xa-1/years/2026/scorecard")).JsonAsync()).GetProperty("a1");
        Assert.Equal(10m, a1.GetProperty("score").GetDecimal());
        Assert.Equal(1, a1.GetProperty("responses").GetInt32());
        Assert.Equal(2, a1.GetProperty("outsideWindow").GetInt32());
    }

    [Fact]
    public async Task Post_CadreForm_CountsInA2WhateverTheDate()
    {
        var api = await _app.WithCommunesAsync();

        var response = await api.PostAsJsonAsync("/api/v1/survey-responses", Response("k-1", form: "cadre", submittedAt: "2026-11-10T09:00:00+07:00", answers: ["kha", "kha", "kha", "kha", "kha"]));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await response.JsonAsync()).GetProperty("inWindow").ValueKind);
        var a2 = (await (await api.GetAsync("/api/v1/communes/xa-1/years/2026/scorecard")).JsonAsync()).GetProperty("a2");
        Assert.Equal(5m, a2.GetProperty("score").GetDecimal());
        Assert.Equal(1, a2.GetProperty("responses").GetInt32());
    }

    [Fact]
    public async Task Post_FiftyConcurrentSubmissionsEachSentTwice_CountsEachExactlyOnce()
    {
        var api = await _app.WithCommunesAsync();
        var posts = Enumerable.Range(0, 50)
            .SelectMany(i => new[] { i, i })
            .Select(i => api.PostAsJsonAsync("/api/v1/survey-responses", Response($"c-{i}", answers: ["tot", "kha", "tot", "kha", "tot"])))
            .ToList();

        var responses = await Task.WhenAll(posts);

        Assert.Equal(50, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(50, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var a1 = (await (await api.GetAsync("/api/v1/communes/xa-1/years/2026/scorecard")).JsonAsync()).GetProperty("a1");
        Assert.Equal(50, a1.GetProperty("responses").GetInt32());
        Assert.Equal(8m, a1.GetProperty("score").GetDecimal());
    }

    public static TheoryData<string, string, string> Malformed => new()
    {
        { """{"form":"citizen","communeId":"xa-1","year":2026,"answers":["tot","tot","tot","tot","tot"],"submittedAt":"2026-11-25T09:30:00+07:00","channel":"webchat"}""", "responseId", "Thiếu trường responseId" },
        { """{"responseId":"a b","form":"citizen","communeId":"xa-1","year":2026,"answers":["tot","tot","tot","tot","tot"],"submittedAt":"2026-11-25T09:30:00+07:00","channel":"webchat"}""", "responseId", "từ 1 đến 100 ký tự" },
        { """{"responseId":"r","form":"visitor","communeId":"xa-1","year":2026,"answers":["tot","tot","tot","tot","tot"],"submittedAt":"2026-11-25T09:30:00+07:00","channel":"webchat"}""", "form", "\"cadre\", \"citizen\"" },
        { """{"responseId":"r","form":"citizen","communeId":"XA 1","year":2026,"answers":["tot","tot","tot","tot","tot"],"submittedAt":"2026-11-25T09:30:00+07:00","channel":"webchat"}""", "communeId", "chữ thường không dấu" },
        { """{"responseId":"r","form":"citizen","communeId":"xa-1","answers":["tot","tot","tot","tot","tot"],"submittedAt":"2026-11-25T09:30:00+07:00","channel":"webchat"}""", "year", "Thiếu trường year" },
        { """{"responseId":"r","form":"citizen","communeId":"xa-1","year":"2026","answers":["tot","tot","tot","tot","tot"],"submittedAt":"2026-11-25T09:30:00+07:00","channel":"webchat"}""", "year", "sai kiểu dữ liệu" },
        { """{"responseId":"r","form":"citizen","communeId":"xa-1","year":2019,"answers":["tot","tot","tot","tot","tot"],"submittedAt":"2026-11-25T09:30:00+07:00","channel":"webchat"}""", "year", "từ 2024 đến 2030" },
        { """{"responseId":"r","form":"citizen","communeId":"xa-1","year":2026,"answers":["tot","tot","tot","tot"],"submittedAt":"2026-11-25T09:30:00+07:00","channel":"webchat"}""", "answers", "đúng 5 câu trả lời" },
        { """{"responseId":"r","form":"citizen","communeId":"xa-1","year":2026,"answers":["tot","tot","Tốt","tot","tot"],"submittedAt":"2026-11-25T09:30:00+07:00","channel":"webchat"}""", "answers[2]", "tot, kha, trung-binh, yeu" },
        { """{"responseId":"r","form":"citizen","communeId":"xa-1","year":2026,"answers":["tot","tot",null,"tot","tot"],"submittedAt":"2026-11-25T09:30:00+07:00","channel":"webchat"}""", "answers[2]", "mã trả lời không hợp lệ" },
        { """{"responseId":"r","form":"citizen","communeId":"xa-1","year":2026,"submittedAt":"2026-11-25T09:30:00+07:00","channel":"webchat"}""", "answers", "Thiếu trường answers" },
        { """{"responseId":"r","form":"citizen","communeId":"xa-1","year":2026,"answers":["tot","tot","tot","tot","tot"],"submittedAt":"2026-11-25T09:30:00","channel":"webchat"}""", "submittedAt", "có múi giờ" },
        { """{"responseId":"r","form":"citizen","communeId":"xa-1","year":2026,"answers":["tot","tot","tot","tot","tot"],"submittedAt":"hôm qua","channel":"webchat"}""", "submittedAt", "ISO 8601" },
        { """{"responseId":"r","form":"citizen","communeId":"xa-1","year":2026,"answers":["tot","tot","tot","tot","tot"],"submittedAt":"2026-11-26T09:30:00+07:00","channel":"webchat"}""", "submittedAt", "tương lai" },
        { """{"responseId":"r","form":"citizen","communeId":"xa-1","year":2026,"answers":["tot","tot","tot","tot","tot"],"submittedAt":"2026-11-25T09:30:00+07:00"}""", "channel", "Thiếu trường channel" },
        { """{"responseId":"r","form":"citizen","communeId":"xa-1","year":2026,"answers":["tot","tot","tot","tot","tot"],"submittedAt":"2026-11-25T09:30:00+07:00","channel":"Web Chat"}""", "channel", "không dấu" },
        { """[1,2,3]""", "", "một đối tượng phiếu khảo sát" },
        { """null""", "", "một đối tượng phiếu khảo sát" },
        { """{"responseId": """, "", "không phải JSON hợp lệ" },
        { "", "", "đang trống" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Post_Malformed_Is400NamingTheField(string body, string field, string detail)
    {
        var api = await _app.WithCommunesAsync();

        var response = await api.PostAsync("/api/v1/survey-responses", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(400, field, detail);
    }
}
