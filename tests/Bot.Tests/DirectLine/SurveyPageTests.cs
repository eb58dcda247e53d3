using Bot.Surveys.Routing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bot.Surveys;
using Microsoft.Extensions.DependencyInjection;
using QRCoder;

namespace Bot.Tests.DirectLine;

/// <summary>The survey page, its conversation, its QR code and poster, and the refusal of links we did not make.</summary>
[Collection(RedisTests.Name)]
public sealed class SurveyPageTests(RedisServer redis) : BotTestBase(redis)
{
    [Fact]
    public async Task Page_ForASignedLink_NamesTheCommune_AndWeighsUnder100KB()
    {
        var http = Bot.CreateClient();
        var response = await http.GetAsync($"/s/{Link("citizen", "cam-vu")}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Xã Cẩm Vũ", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"vi\"", html, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        long total = (await response.Content.ReadAsByteArrayAsync()).Length;
        foreach (var asset in new[] { "survey.js", "survey.css" })
        {
            var file = await http.GetAsync($"/s/assets/{asset}");
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            total += (await file.Content.ReadAsByteArrayAsync()).Length;
        }
        Assert.InRange(total, 1, 100 * 1024);
    }

    [Theory]
    [InlineData("citizen", "cam-vu", "AAAAAAAAAAAAAAAA")]
    [InlineData("citizen", "lang-ma", null)]
    [InlineData("cadre", "cam-vu", null)]
    [InlineData("citizen", "cam-vu", "short")]
    public async Task HandEditedLinks_AreRefusedPolitely(string form, string communeId, string? signature)
    {
        // A signature taken from the genuine citizen link of Cẩm Vũ, pasted onto another commune or form.
        signature ??= Bot.Services.GetRequiredService<SurveyLinks>().Make("citizen", "cam-vu").Signature;
        var http = Bot.CreateClient();

        var page = await http.GetAsync($"/s/{form}/{communeId}/{signature}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("đường dẫn này không đúng", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync($"/s/{form}/{communeId}/{signature}/conversations", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/s/{form}/{communeId}/{signature}/qr.png")).StatusCode);
    }

    [Fact]
    public async Task LinkToACommuneNotInTheDirectory_IsRefusedEvenWhenSigned()
    {
        var response = await Bot.CreateClient().GetAsync($"/s/{Link("citizen", "made-up")}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PageConversation_GetsNoWelcome_AndItsStartEventStartsTheSurvey()
    {
        var http = Bot.CreateClient();
        var link = Link("citizen", "tu-minh");
        var started = await DirectLineClient.Json(await http.PostAsync($"/s/{link}/conversations", null));
        var client = DirectLineClient.Adopt(http, started);

        await client.SendEventAsync(SurveyRoutes.StartSurveyEvent, new { link });
        var replies = await client.BotRepliesAsync(DirectLineSurvey.AskedOrThanked);

        Assert.StartsWith("Xin chào Ông/Bà! Xin cảm ơn Ông/Bà đã đến làm thủ tục tại phường Tứ Minh", DirectLineClient.Text(replies[0]), StringComparison.Ordinal);
        Assert.Equal(["Đồng ý", "Không đồng ý"], DirectLineClient.Buttons(replies[^1]).Select(b => b.Title));
    }

    [Fact]
    public async Task StartEventWithATamperedLink_IsRefusedPolitely()
    {
        var http = Bot.CreateClient();
        var link = Link("citizen", "cam-vu");
        var client = DirectLineClient.Adopt(http, await DirectLineClient.Json(await http.PostAsync($"/s/{link}/conversations", null)));

        await client.SendEventAsync(SurveyRoutes.StartSurveyEvent, new { link = link.Replace("cam-vu", "cam-binh", StringComparison.Ordinal) });
        var replies = await client.BotRepliesAsync(r => r.Count > 0);

        Assert.StartsWith("Xin lỗi, đường dẫn khảo sát này không khớp", DirectLineClient.Text(replies[0]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QrCode_IsAPngOfTheLinksAddress()
    {
        Bot.Settings["SurveyLinks:PublicBaseUrl"] = "https://khaosat.haiduong.gov.vn";
        var link = Link("citizen", "cam-vu");
        var response = await Bot.CreateClient().GetAsync($"/s/{link}/qr.png");

        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var png = await response.Content.ReadAsByteArrayAsync();
        using var generator = new QRCodeGenerator();
        using var expected = generator.CreateQrCode($"https://khaosat.haiduong.gov.vn/s/{link}", QRCodeGenerator.ECCLevel.M);
        Assert.Equal(new PngByteQRCode(expected).GetGraphic(12), png);
    }

    [Fact]
    public async Task Poster_HasTheCommuneTheReasonAndTheSlogan()
    {
        var link = Link("citizen", "cam-vu");
        var html = await Bot.CreateClient().GetStringAsync($"/s/{link}/poster");

        Assert.Contains("Xã Cẩm Vũ", html, StringComparison.Ordinal);
        Assert.Contains("src=\"qr.png\"", html, StringComparison.Ordinal);
        // The open link's forms are the commune's feedback this year, and the poster says so.
        Assert.Contains("để cải thiện việc phục vụ Nhân dân (không dùng để chấm điểm thi đua)", html, StringComparison.Ordinal);
        Assert.Contains("4 xin: xin chào, xin lỗi, xin cảm ơn, xin phép", html, StringComparison.Ordinal);
        Assert.Contains("4 luôn: luôn mỉm cười, luôn nhẹ nhàng, luôn lắng nghe, luôn giúp đỡ", html, StringComparison.Ordinal);
        Assert.Contains("2 không: không được gây khó khăn, phiền hà", html, StringComparison.Ordinal);
        Assert.Contains("size: A5", await Bot.CreateClient().GetStringAsync("/s/assets/poster.css"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminLinks_NeedTheKey_AndListEveryCommunesWorkingLinks()
    {
        var http = Bot.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/admin/survey-links")).StatusCode);

        http.DefaultRequestHeaders.Add("X-Api-Key", BotApp.AdminKey);
        var communes = await http.GetFromJsonAsync<JsonElement>("/api/admin/survey-links");

        Assert.Equal(["cam-binh", "cam-vu", "tu-minh"], communes.EnumerateArray().Select(c => c.GetProperty("communeId").GetString()).Order());
        foreach (var url in communes.EnumerateArray().SelectMany(c => c.GetProperty("links").EnumerateObject().Select(l => l.Value.GetString()!)))
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(url).PathAndQuery)).StatusCode);
        }
    }

    private string Link(string form, string communeId) => Bot.Services.GetRequiredService<SurveyLinks>().Make(form, communeId).Path;
}
