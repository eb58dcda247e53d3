using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace ScoringCore.Tests;

/// <summary>
/// Every free text the core keeps (names, reasons, notes, evidence, who decided) is printable: a
/// unit named "\u0000" was once accepted and then made the province's Excel export fail. Line
/// breaks are refused only where a text is one line.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class FreeTextApiTests(RedisServer redis) : IDisposable
{
    private const string Year = "/api/v1/communes/xa-1/years/2026";

    private readonly ScoringCoreApp _app = new(redis);

    public void Dispose() => _app.Dispose();

    // The JSON is sent as written: "\u0000" is an escaped NUL in it, "\n" an escaped line break.
    public static TheoryData<string, string, string, string, string> Refused => new()
    {
        { "PUT", "/api/v1/units", """[{"id":"xa-9","name":"Xã\u0000","kind":"commune","parentId":"p"}]""", "[0].name", "U+0000" },
        { "PUT", "/api/v1/units", """[{"id":"xa-9","name":"Xã\nChín","kind":"commune","parentId":"p"}]""", "[0].name", "một dòng" },
        { "PUT", Year + "/self-assessment", """{"items":{"1.1.a":1},"evidence":{"1.1.a":"Biên bản\u0007"},"submittedBy":"A","final":false}""", "evidence.1.1.a", "U+0007" },
        { "PUT", Year + "/self-assessment", """{"items":{"1.1.a":1},"submittedBy":"Nguyễn\tA","final":false}""", "submittedBy", "một dòng" },
        { "PUT", Year + "/disqualification", """{"kind":"complaints","note":"Khiếu nại\u001b"}""", "note", "U+001B" },
        { "DELETE", Year + "/disqualification", """{"note":"Đã xong\u0000"}""", "note", "U+0000" },
        { "PUT", Year + "/recognition", """{"decision":"16/QĐ-UBND","decidedOn":"2026-11-20","decidedBy":"Chủ tịch\nUBND"}""", "decidedBy", "một dòng" },
        { "DELETE", Year + "/recognition", """{"decision":"16/QĐ-UBND\u0085","reason":"Vi phạm"}""", "decision", "U+0085" },
        { "PUT", Year + "/survey-round", """{"opensOn":"2026-11-23","closesOn":"2026-11-27","changedBy":"Thẩm định\u0000"}""", "changedBy", "U+0000" },
        { "POST", Year + "/survey-forms/f-1/decision", """{"decision":"count","reason":"Người cao tuổi\uffff","decidedBy":"B"}""", "reason", "U+FFFF" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task AControlCharacter_IsRefusedNamingTheField(string method, string path, string json, string field, string detail)
    {
        var api = await _app.WithCommunesAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

        var response = await api.SendAsync(request);

        await response.AssertProblemAsync(400, field, detail);
    }

    [Fact]
    public async Task ANameKeptBeforeTheRule_IsAnsweredWithoutItsControlCharacters_OrAsItsIdWhenNothingIsLeft()
    {
        var api = await _app.WithCommunesAsync();
        using (var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.ConnectionString))
        {
            var units = _app.KeyPrefix + "{units}";
            await connection.GetDatabase().HashSetAsync(units, "xa-1", """{"id":"xa-1","name":"\u0000","kind":"commune","parentId":"p"}""");
            await connection.GetDatabase().HashSetAsync(units, "xa-2", """{"id":"xa-2","name":"Xã\u0007 Hai","kind":"commune","parentId":"p"}""");
        }

        var tree = await (await api.GetAsync("/api/v1/units")).JsonAsync();
        var progress = await (await api.GetAsync("/api/v1/units/p/years/2026/survey-progress")).JsonAsync();

        Assert.Equal(["xa-1", "Xã Hai"], tree.EnumerateArray().Where(u => u.GetProperty("kind").GetString() == "commune").Take(2).Select(u => u.GetProperty("name").GetString()));
        Assert.Contains("xa-1", progress.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task ARefusedName_LeavesTheTreeAsItWas_AndNotesKeepTheirLineBreaks()
    {
        var api = await _app.WithCommunesAsync();
        var before = await (await api.GetAsync("/api/v1/units")).Content.ReadAsStringAsync();

        var refused = await api.PutAsync("/api/v1/units", new StringContent("""[{"id":"xa-1","name":"\u0000","kind":"commune","parentId":"p"}]""", Encoding.UTF8, "application/json"));
        var after = await (await api.GetAsync("/api/v1/units")).Content.ReadAsStringAsync();
        var saved = await api.PutAsJsonAsync(Year + "/self-assessment", new
        {
            items = new Dictionary<string, decimal> { ["1.1.a"] = 1m },
            evidence = new Dictionary<string, string> { ["1.1.a"] = "Biên bản số 3\nĐường link:\thttps://xa.gov.vn/3" },
            submittedBy = "Nguyễn Văn A",
            final = false,
        });
        var stored = await (await api.GetAsync(Year + "/assessment")).JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(before, after);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("Biên bản số 3\nĐường link:\thttps://xa.gov.vn/3", stored.GetProperty("self").GetProperty("evidence").GetProperty("1.1.a").GetString());
    }
}
