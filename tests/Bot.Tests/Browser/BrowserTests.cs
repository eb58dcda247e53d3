using System.Net.Http.Headers;
using Bot.Surveys;
using Bot.Tests.DirectLine;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Browser;

/// <summary>
/// Real Chromium (Debian's), driven by Playwright: Microsoft's Web Chat against our Direct Line
/// host over WebSocket and over polling, and our own page on a phone-sized screen. Each survey
/// must reach the scoring core.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class BrowserTests(RedisServer redis) : BotTestBase(redis)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task MicrosoftWebChat_CompletesASurvey(bool webSocket)
    {
        // The commune's website: another origin than the bot's, so CORS is exercised.
        var sitePort = RedisServer.FreePort();
        Bot.Settings["DirectLine:AllowedOrigins:0"] = $"http://127.0.0.1:{sitePort}";
        var baseUrl = Bot.StartOnLoopback();
        var token = await GenerateTokenAsync(baseUrl);

        var result = await NodeScript.RunAsync("webchat-survey.mjs", new
        {
            domain = $"{baseUrl}v3/directline",
            token,
            link = Bot.Services.GetRequiredService<SurveyLinks>().Make("citizen", "cam-vu").Path,
            webSocket,
            webchatJs = NodeScript.WebChatBundle,
            port = sitePort,
        });

        Assert.Equal(10, result.GetProperty("taps").GetInt32());
        Assert.Equal(0, result.GetProperty("failed").GetInt32());
        Assert.Empty(result.GetProperty("errors").EnumerateArray());
        await Surveys.EventuallyAsync(async () => await Core.ResponsesAsync("cam-vu") == 1, "the form to reach the scoring core");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OurPage_OnAPhone_CompletesASurvey(bool blockWebSocket)
    {
        var baseUrl = Bot.StartOnLoopback();
        var link = Bot.Services.GetRequiredService<SurveyLinks>().Make("citizen", "tu-minh").Path;
        var screenshot = Environment.GetEnvironmentVariable("SURVEY_SCREENSHOT");

        var result = await NodeScript.RunAsync("page-survey.mjs", new
        {
            url = $"{baseUrl}s/{link}",
            blockWebSocket,
            screenshot = blockWebSocket ? null : screenshot,
            screenshotAfterTaps = 2,
        });

        Assert.Equal(10, result.GetProperty("taps").GetInt32());
        Assert.Equal(10, result.GetProperty("userBubbles").GetInt32());
        Assert.Equal(0, result.GetProperty("pendingOrFailed").GetInt32());
        Assert.Empty(result.GetProperty("errors").EnumerateArray());
        Assert.False(result.GetProperty("overflow").GetBoolean(), "The page is wider than a 360-px screen.");
        Assert.True(result.GetProperty("fontSize").GetDouble() >= 16, "Text is smaller than 16 px.");
        Assert.Equal("Phiếu đã được gửi. Ông/Bà có thể đóng trang này.", result.GetProperty("finished").GetProperty("status").GetString());
        Assert.Equal(0, result.GetProperty("finished").GetProperty("buttons").GetInt32());
        await Surveys.EventuallyAsync(async () => await Core.ResponsesAsync("tu-minh") == 1, "the form to reach the scoring core");
    }

    [Fact]
    public async Task OurPage_OnAPhoneThatLosesItsNetwork_OffersTheSameButtonsAgain_AndTheSurveyGoesOn()
    {
        var baseUrl = Bot.StartOnLoopback();
        var link = Bot.Services.GetRequiredService<SurveyLinks>().Make("citizen", "tu-minh").Path;

        var result = await NodeScript.RunAsync("page-survey.mjs", new { url = $"{baseUrl}s/{link}", offlineAtTap = 3 });

        var offline = result.GetProperty("offline");
        Assert.Equal(4, offline.GetProperty("buttons").GetInt32());
        Assert.True(offline.GetProperty("sameFirst").GetBoolean(), "The buttons offered again are not the question's.");
        Assert.Equal("Xin lỗi, chưa gửi được (có thể do mạng yếu). Ông/Bà vui lòng chọn lại câu trả lời hoặc bấm “Gửi” lại.", offline.GetProperty("status").GetString());
        Assert.True(offline.GetProperty("typedBack").GetBoolean());
        Assert.Equal(4, offline.GetProperty("buttonsAfterTyping").GetInt32());
        // The answer that did not go is taken off the screen when tapped again: ten answers, each shown once.
        Assert.Equal(10, result.GetProperty("taps").GetInt32());
        Assert.Equal(10, result.GetProperty("userBubbles").GetInt32());
        Assert.Equal(0, result.GetProperty("pendingOrFailed").GetInt32());
        Assert.Empty(result.GetProperty("errors").EnumerateArray());
        await Surveys.EventuallyAsync(async () => await Core.ResponsesAsync("tu-minh") == 1, "the form to reach the scoring core");
    }

    [Fact]
    public async Task AnInvitationsLinkOpenedAgain_AfterTheTabClosed_GoesOnWhereThePersonWas_TheOpenLinkBeginsAfresh()
    {
        var baseUrl = Bot.StartOnLoopback();
        var invitation = await Surveys.InvitationPageAsync(Bot, "cam-vu", "case-tab-closed");
        var openLink = Bot.Services.GetRequiredService<SurveyLinks>().Make("citizen", "tu-minh").Path;

        var result = await NodeScript.RunAsync("page-resume.mjs", new
        {
            invitationUrl = new Uri(baseUrl, invitation.AbsolutePath.TrimStart('/')).ToString(),
            openUrl = $"{baseUrl}s/{openLink}",
        });

        var invited = result.GetProperty("invitation");
        Assert.Equal(2, invited.GetProperty("userBubbles").GetInt32());
        Assert.True(invited.GetProperty("sameQuestion").GetBoolean(), "The invitation's page did not go on at the same question.");
        // Two tabs on one conversation: the newer takes the socket once, the older polls (not one socket every few seconds).
        Assert.InRange(invited.GetProperty("socketsWithTwoTabs").GetInt32(), 1, 2);
        var open = result.GetProperty("open");
        Assert.Equal(0, open.GetProperty("userBubbles").GetInt32());
        Assert.False(open.GetProperty("sameQuestion").GetBoolean());
    }

    [Theory]
    [InlineData("invitation", "tab")]
    [InlineData("open", "reload")]
    public async Task APageWhoseFormIsGiven_OpenedAgain_ShowsNoOnesAnswers(string link, string reopen)
    {
        var baseUrl = Bot.StartOnLoopback();
        var url = link == "invitation"
            ? new Uri(baseUrl, (await Surveys.InvitationPageAsync(Bot, "cam-vu", "case-shared-phone")).AbsolutePath.TrimStart('/')).ToString()
            : $"{baseUrl}s/{Bot.Services.GetRequiredService<SurveyLinks>().Make("citizen", "tu-minh").Path}";

        var result = await NodeScript.RunAsync("page-survey.mjs", new { url, reopen });

        Assert.Equal(10, result.GetProperty("userBubbles").GetInt32());
        var reopened = result.GetProperty("reopened");
        Assert.Equal(0, reopened.GetProperty("userBubbles").GetInt32());
        // A fresh conversation, which the bot answers: this form is given already (not the finished one replayed).
        var first = reopened.GetProperty("botTexts")[0].GetString()!;
        Assert.Contains(link == "invitation" ? "Phiếu khảo sát cho hồ sơ này đã được gửi rồi" : "đã gửi phiếu khảo sát cho", first);
        Assert.Empty(result.GetProperty("errors").EnumerateArray());
    }

    private static async Task<string> GenerateTokenAsync(Uri baseUrl)
    {
        using var http = new HttpClient { BaseAddress = baseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, "v3/directline/tokens/generate");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BotApp.DirectLineSecret);
        return (await DirectLineClient.Json(await http.SendAsync(request))).GetProperty("token").GetString()!;
    }
}
