using Bot.Surveys.Routing;
using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Bot.Surveys;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.DirectLine;

/// <summary>The Direct Line 3.0 host over the real HTTP pipeline and Redis: tokens, conversations, posting, polling.</summary>
[Collection(RedisTests.Name)]
[Trait(RedisTests.StoreTrait, RedisTests.OnCluster)]
public sealed class DirectLineApiTests(RedisServer redis) : BotTestBase(redis)
{
    [Fact]
    public async Task WholeSurvey_OverPolling_ReachesTheScoringCore()
    {
        var client = await DirectLineClient.StartAsync(Bot.CreateClient());
        var welcome = await client.BotRepliesAsync(r => r.Count > 0);
        Assert.StartsWith("Xin chào Ông/Bà! Đây là trợ lý khảo sát", DirectLineClient.Text(welcome[0]), StringComparison.Ordinal);

        await client.SendEventAsync(SurveyRoutes.StartSurveyEvent, new { link = Link("citizen", "cam-vu") });
        var first = await client.BotRepliesAsync(DirectLineSurvey.AskedOrThanked);
        Assert.Contains("xã Cẩm Vũ", DirectLineClient.Text(first[0]), StringComparison.Ordinal);
        Assert.Equal(10, await DirectLineSurvey.TapThroughAsync(client, first));

        await Surveys.EventuallyAsync(async () => await Core.ResponsesAsync("cam-vu") == 1, "the form to reach the scoring core");
        // The form is given: after the thanks the bot ends the conversation, once, so a page stops keeping it to resume.
        var transcript = await Read(client, "");
        var ends = transcript.Where(a => a.GetProperty("type").GetString() == "endOfConversation").ToList();
        Assert.Single(ends);
        Assert.Equal("completedSuccessfully", ends[0].GetProperty("code").GetString());
        Assert.Equal("bot", ends[0].GetProperty("from").GetProperty("role").GetString());
        Assert.Contains(DirectLineSurvey.Thanks, DirectLineClient.Text(transcript[^2]), StringComparison.Ordinal);
        Assert.Equal("endOfConversation", transcript[^1].GetProperty("type").GetString());
    }

    [Fact]
    public async Task PostedActivity_IsEchoedWithServerIdTimestampAndClientActivityId_InOrder()
    {
        var client = await DirectLineClient.StartAsync(Bot.CreateClient());
        await client.BotRepliesAsync(r => r.Count > 0);
        var id = await client.SayAsync("xin chào");

        var all = await client.BotRepliesAsync(r => r.Count > 0);
        var everything = (await Read(client, "")).ToList();
        var echo = everything.Single(a => a.GetProperty("id").GetString() == id);
        Assert.Equal("user", echo.GetProperty("from").GetProperty("role").GetString());
        Assert.Equal(client.UserId, echo.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("c1", echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal("directline", echo.GetProperty("channelId").GetString());
        Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(client.ConversationId)}\\|\\d{{7}}$", id);
        var reply = all[^1];
        Assert.Equal(id, reply.GetProperty("replyToId").GetString());
        Assert.Equal("bot", reply.GetProperty("from").GetProperty("role").GetString());
        // Web Chat orders by timestamp: strictly increasing, and ids follow the same order.
        var stamps = everything.Select(a => a.GetProperty("timestamp").GetDateTimeOffset()).ToList();
        Assert.Equal(stamps.Order(), stamps);
        Assert.Equal(stamps.Count, stamps.Distinct().Count());
    }

    // Shaped like a JWT but not one of ours: a signature that is not Base64url ("x" is one
    // character, "!" is none), a header and payload that are not JSON. Each is refused as any
    // other wrong token is, on the API and as a stream ticket, never a 500.
    [Theory]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.e30.x")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.e30.ab!d")]
    [InlineData("a.b.ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc")]
    public async Task GarbledToken_IsRefusedAsAProblem(string garbled)
    {
        var http = Bot.CreateClient();
        var client = await DirectLineClient.StartAsync(http);

        var read = await client.SendAsync(HttpMethod.Get, client.ActivitiesPath, token: garbled);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal("application/problem+json", read.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", token: garbled)).StatusCode);
        var stream = new Uri(client.StreamUrl).AbsolutePath;
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync($"{stream}?t={Uri.EscapeDataString(garbled)}")).StatusCode);
    }

    [Fact]
    public async Task Credentials_AreCheckedOnEveryCall()
    {
        var http = Bot.CreateClient();
        var client = await DirectLineClient.StartAsync(http);
        var other = await DirectLineClient.StartAsync(http);

        // Nothing: 401. A token for another conversation, a forged or a garbled one: 403.
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(client.ActivitiesPath)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Get, client.ActivitiesPath, token: other.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Get, client.ActivitiesPath, token: Forge(client.Token, other.ConversationId))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Get, client.ActivitiesPath, token: "not-a-token")).StatusCode);
        // Only the secret may generate tokens, and only a conversation's token is refreshed; each refusal a problem.
        var generate = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate");
        Assert.Equal(HttpStatusCode.Forbidden, generate.StatusCode);
        Assert.Equal("application/problem+json", generate.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token: BotApp.DirectLineSecret)).StatusCode);
        // The stream takes its ticket from the URL it was given, not an API token in its place.
        var stream = new Uri(client.StreamUrl).AbsolutePath;
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync($"{stream}?t={Uri.EscapeDataString(client.Token)}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(stream)).StatusCode);
        // The secret opens any conversation; an unknown one is 404.
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Get, client.ActivitiesPath, token: BotApp.DirectLineSecret)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(HttpMethod.Get, "/v3/directline/conversations/nobody/activities", token: BotApp.DirectLineSecret)).StatusCode);
    }

    [Fact]
    public async Task Token_LivesLongerThanWebChatsRefresh_CanBeRefreshed_AndExpires()
    {
        var client = await DirectLineClient.StartAsync(Bot.CreateClient());
        Bot.Clock.Now += TimeSpan.FromMinutes(16);
        var refreshed = await DirectLineClient.Json(await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh"));
        Assert.Equal(client.ConversationId, refreshed.GetProperty("conversationId").GetString());
        var old = client.Token;
        client.Token = refreshed.GetProperty("token").GetString()!;

        Bot.Clock.Now += TimeSpan.FromMinutes(16);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Get, client.ActivitiesPath, token: old)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Get, client.ActivitiesPath)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token: old)).StatusCode);
    }

    [Fact]
    public async Task TextOverTheLimit_Is400_InVietnamese_AndNothingIsStored()
    {
        var client = await DirectLineClient.StartAsync(Bot.CreateClient());
        await client.BotRepliesAsync(r => r.Count > 0);
        var before = (await Read(client, "")).Count;

        var response = await client.PostRawAsync(new { type = "message", text = new string('a', 2001) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("dài quá 2000 ký tự", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Bot.Services.GetRequiredService<Bot.Channels.DirectLine.DirectLineTurns>().IdleAsync();
        Assert.Equal(before, (await Read(client, "")).Count);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"text":"no type"}""")]
    [InlineData("""{"type":"invoke","name":"x"}""")]
    [InlineData("""{"type":"event"}""")]
    [InlineData("""[1,2,3]""")]
    [InlineData("""{"type":"message","text":"1","value":"\ud800"}""")]
    [InlineData("""{"type":"message","text":"1","channelData":{"clientActivityID":"\udfff"}}""")]
    [InlineData("""{"type":"event","name":"startSurvey","value":{"link":"\ud800x"}}""")]
    public async Task MalformedActivity_Is400Problem(string body)
    {
        var client = await DirectLineClient.StartAsync(Bot.CreateClient());
        var response = await client.SendAsync(HttpMethod.Post, client.ActivitiesPath, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1.5")]
    public async Task BadWatermark_Is400(string watermark)
    {
        var client = await DirectLineClient.StartAsync(Bot.CreateClient());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(HttpMethod.Get, $"{client.ActivitiesPath}?watermark={watermark}")).StatusCode);
    }

    [Fact]
    public async Task WatermarkBeyondTheEnd_ReturnsNothingAndTheTrueWatermark()
    {
        var client = await DirectLineClient.StartAsync(Bot.CreateClient());
        await client.BotRepliesAsync(r => r.Count > 0);
        var set = await DirectLineClient.Json(await client.SendAsync(HttpMethod.Get, $"{client.ActivitiesPath}?watermark=999"));
        Assert.Empty(set.GetProperty("activities").EnumerateArray());
        Assert.Equal(client.Watermark, set.GetProperty("watermark").GetString());
    }

    [Fact]
    public async Task ReconnectAndRestart_ReturnTheSameConversation()
    {
        var client = await DirectLineClient.StartAsync(Bot.CreateClient());
        var again = await DirectLineClient.Json(await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations"));
        Assert.Equal(client.ConversationId, again.GetProperty("conversationId").GetString());

        var reconnect = await DirectLineClient.Json(await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}?watermark=3"));
        Assert.EndsWith("&watermark=3", reconnect.GetProperty("streamUrl").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("ws://", reconnect.GetProperty("streamUrl").GetString(), StringComparison.Ordinal);
        Assert.True(reconnect.GetProperty("expires_in").GetInt32() > 15 * 60);
    }

    [Fact]
    public async Task UserIds_AreCheckedWhenGiven()
    {
        var http = Bot.CreateClient();
        async Task<HttpStatusCode> Generate(object body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate") { Content = JsonContent.Create(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BotApp.DirectLineSecret);
            return (await http.SendAsync(request)).StatusCode;
        }
        Assert.Equal(HttpStatusCode.OK, await Generate(new { user = new { id = "dl_citizen-42" } }));
        Assert.Equal(HttpStatusCode.BadRequest, await Generate(new { user = new { id = "<script>" } }));
        Assert.Equal(HttpStatusCode.BadRequest, await Generate(new { user = new { id = new string('x', 65) } }));
    }

    [Fact]
    public async Task TooManyPosts_FromOneConversation_Are429()
    {
        Bot.Settings["DirectLine:PostsPerMinutePerConversation"] = "3";
        var client = await DirectLineClient.StartAsync(Bot.CreateClient());
        for (var i = 0; i < 3; i++)
        {
            await client.SayAsync("xin chào");
        }
        var refused = await client.PostRawAsync(new { type = "message", text = "xin chào" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("hệ thống đang bận", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooManyRequests_FromOneAddress_Are429()
    {
        Bot.Settings["DirectLine:RequestsPerMinutePerAddress"] = "4";
        var client = await DirectLineClient.StartAsync(Bot.CreateClient());
        await client.PollAsync();
        await client.PollAsync();
        var refused = await client.SendAsync(HttpMethod.Get, client.ActivitiesPath);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task Cors_AllowsOnlyConfiguredOrigins()
    {
        Bot.Settings["DirectLine:AllowedOrigins:0"] = "https://camvu.gov.vn";
        var http = Bot.CreateClient();
        async Task<HttpResponseMessage> Preflight(string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent");
            return await http.SendAsync(request);
        }
        var allowed = await Preflight("https://camvu.gov.vn");
        Assert.Equal("https://camvu.gov.vn", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("x-ms-bot-agent", allowed.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.False((await Preflight("https://evil.example")).Headers.Contains("Access-Control-Allow-Origin"));
    }

    private string Link(string form, string communeId) => Bot.Services.GetRequiredService<SurveyLinks>().Make(form, communeId).Path;

    private static async Task<IReadOnlyList<JsonElement>> Read(DirectLineClient client, string watermark)
    {
        var set = await DirectLineClient.Json(await client.SendAsync(HttpMethod.Get, $"{client.ActivitiesPath}?watermark={watermark}"));
        return set.GetProperty("activities").EnumerateArray().Select(a => a.Clone()).ToList();
    }

    /// <summary>A token with its payload swapped for another conversation, keeping the original signature.</summary>
    private static string Forge(string token, string conversationId)
    {
        var parts = token.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64Url.DecodeFromChars(parts[1]))!;
        payload["conv"] = JsonSerializer.SerializeToElement(conversationId);
        var forged = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload));
        return $"{parts[0]}.{forged}.{parts[2]}";
    }
}
