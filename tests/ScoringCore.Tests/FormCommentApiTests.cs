using System.Net.Http.Json;

namespace ScoringCore.Tests;

/// <summary>
/// The comment box's words reach the commune (docs/decisions/024): kept with the form's ingest, apart from its
/// record, newest first, with the name and address the person signed them with, for the retention period only.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class FormCommentApiTests(RedisServer redis) : IDisposable
{
    private const string Comments = "/api/v1/communes/xa-1/years/2026/comments";

    private readonly ScoringCoreApp _app = new(redis);

    public void Dispose() => _app.Dispose();

    private static Dictionary<string, object?> Form(string id, string submittedAt, string? comment = null, string? name = null, string? address = null) => new()
    {
        ["responseId"] = id,
        ["form"] = "citizen",
        ["communeId"] = "xa-1",
        ["year"] = 2026,
        ["answers"] = new[] { "tot", "tot", "kha", "trung-binh", "yeu" },
        ["submittedAt"] = submittedAt,
        ["channel"] = "webchat",
        ["comment"] = comment,
        ["name"] = name,
        ["address"] = address,
    };

    [Fact]
    public async Task CommentsAreListedNewestFirst_WithTheirSignature_AndAFormsRetryDoesNotRepeatOne()
    {
        var api = await _app.WithCommunesAsync();
        var first = Form("r-1", "2026-11-24T09:00:00+07:00", "Cán bộ nhiệt tình,\nnhưng phải chờ lâu.", "  Nguyễn Văn A ", "Thôn Đông");

        Assert.Equal(201, (int)(await api.PostAsJsonAsync("/api/v1/survey-responses", first)).StatusCode);
        Assert.Equal(200, (int)(await api.PostAsJsonAsync("/api/v1/survey-responses", first)).StatusCode);
        await api.PostAsJsonAsync("/api/v1/survey-responses", Form("r-2", "2026-11-25T09:00:00+07:00", "Nên có thêm ghế ngồi chờ."));
        await api.PostAsJsonAsync("/api/v1/survey-responses", Form("r-3", "2026-11-25T10:00:00+07:00", "   ", "Trần B"));
        var listed = await (await api.GetAsync(Comments)).JsonAsync();

        Assert.Equal(2, listed.GetArrayLength());
        Assert.Equal("r-2", listed[0].GetProperty("responseId").GetString());
        Assert.Equal("Nên có thêm ghế ngồi chờ.", listed[0].GetProperty("comment").GetString());
        Assert.False(listed[0].TryGetProperty("name", out _));
        Assert.Equal("r-1", listed[1].GetProperty("responseId").GetString());
        Assert.Equal("citizen", listed[1].GetProperty("form").GetString());
        Assert.Equal("2026-11-24T02:00:00Z", listed[1].GetProperty("submittedAt").GetString());
        Assert.Equal("Cán bộ nhiệt tình,\nnhưng phải chờ lâu.", listed[1].GetProperty("comment").GetString());
        Assert.Equal("Nguyễn Văn A", listed[1].GetProperty("name").GetString());
        Assert.Equal("Thôn Đông", listed[1].GetProperty("address").GetString());
        // The record, which an appraiser reads beside the answers, never carries the signature.
        var record = await (await api.GetAsync("/api/v1/communes/xa-1/years/2026/survey-forms/r-1")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Nguyễn", record, StringComparison.Ordinal);
        Assert.DoesNotContain("chờ lâu", record, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACommentIsKeptForTheRetentionPeriodOnly()
    {
        var api = await _app.WithCommunesAsync();
        await api.PostAsJsonAsync("/api/v1/survey-responses", Form("r-1", "2026-11-24T09:00:00+07:00", "Góp ý năm nay."));

        _app.Clock.Now = _app.Clock.Now.AddDays(367);
        var later = await (await api.GetAsync(Comments)).JsonAsync();

        Assert.Equal(0, later.GetArrayLength());
    }

    [Theory]
    [InlineData("comment", "Góp ý\u0000", "U+0000")]
    [InlineData("name", "Nguyễn\nVăn A", "một dòng")]
    [InlineData("address", "Thôn Đông\u0007", "U+0007")]
    public async Task AnUnprintableCommentOrSignature_IsRefusedNamingTheField(string field, string value, string detail)
    {
        var api = await _app.WithCommunesAsync();
        var body = Form("r-9", "2026-11-24T09:00:00+07:00", "Góp ý.");
        body[field] = value;

        var response = await api.PostAsJsonAsync("/api/v1/survey-responses", body);

        await response.AssertProblemAsync(400, field, detail);
        Assert.Equal(0, (await (await api.GetAsync(Comments)).JsonAsync()).GetArrayLength());
    }

    [Fact]
    public async Task ACommentLongerThanTheSurveyTakes_IsRefused_AndAnUnknownCommuneIsAProblem()
    {
        var api = await _app.WithCommunesAsync();

        var tooLong = await api.PostAsJsonAsync("/api/v1/survey-responses", Form("r-9", "2026-11-24T09:00:00+07:00", new string('a', 1001)));
        var unknown = await api.GetAsync("/api/v1/communes/xa-404/years/2026/comments");

        await tooLong.AssertProblemAsync(400, "comment", "1000");
        Assert.Equal(404, (int)unknown.StatusCode);
    }
}
