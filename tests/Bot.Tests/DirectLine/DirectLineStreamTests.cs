using Bot.Surveys.Routing;
using Bot.Surveys;
using Bot.State;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Bot.Tests.DirectLine;

/// <summary>The WebSocket behind streamUrl: live delivery, reconnecting from a watermark, other instances, collisions.</summary>
[Collection(RedisTests.Name)]
[Trait(RedisTests.StoreTrait, RedisTests.OnCluster)]
public sealed class DirectLineStreamTests(RedisServer redis) : BotTestBase(redis)
{
    [Fact]
    public async Task WholeSurvey_OverTheWebSocket()
    {
        var client = await DirectLineClient.StartAsync(Bot.CreateClient());
        await using var stream = await Open(Bot, client.StreamUrl);
        await stream.BotRepliesAsync(0, r => r.Count > 0);

        await client.SendEventAsync(SurveyRoutes.StartSurveyEvent, new { link = Bot.Services.GetRequiredService<SurveyLinks>().Make("citizen", "cam-vu").Path });
        var seen = 1;
        var replies = await stream.BotRepliesAsync(seen, DirectLineSurvey.AskedOrThanked);
        var taps = 0;
        while (!DirectLineClient.Text(replies[^1]).Contains(DirectLineSurvey.Thanks, StringComparison.Ordinal))
        {
            seen += replies.Count;
            await client.SayAsync(DirectLineClient.Buttons(replies[^1])[0].Value);
            replies = await stream.BotRepliesAsync(seen, DirectLineSurvey.AskedOrThanked);
            Assert.True(++taps < 20);
        }
        Assert.Equal(10, taps);
        // Everything arrives once, in order, each user message echoed.
        var ids = stream.Activities.Select(a => a.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(taps + 1, stream.Activities.Count(a => a.GetProperty("from").GetProperty("role").GetString() == "user"));
        await Surveys.EventuallyAsync(async () => await Core.ResponsesAsync("cam-vu") == 1, "the form to reach the scoring core");
    }

    [Fact]
    public async Task DroppedSocket_Reconnects_AndMissesNothing()
    {
        var client = await DirectLineClient.StartAsync(Bot.CreateClient());
        var first = await Open(Bot, client.StreamUrl);
        await first.BotRepliesAsync(0, r => r.Count > 0);
        var watermark = first.LastWatermark;
        await first.DisposeAsync();

        // While the phone is offline the conversation goes on: two answers and the bot's replies.
        await client.SendEventAsync(SurveyRoutes.StartSurveyEvent, new { form = "citizen", communeId = "cam-vu" });
        await client.BotRepliesAsync(DirectLineSurvey.AskedOrThanked);
        await client.SayAsync("Đồng ý");
        await client.BotRepliesAsync(DirectLineSurvey.AskedOrThanked);

        var reconnect = await DirectLineClient.Json(await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}?watermark={watermark}"));
        await using var second = await Open(Bot, reconnect.GetProperty("streamUrl").GetString()!);
        var replayed = await second.BotRepliesAsync(0, r => r.Count > 0 && r[^1].GetProperty("text").GetString()!.StartsWith("Câu 1/5", StringComparison.Ordinal));

        Assert.DoesNotContain(second.Activities, a => DirectLineClient.Text(a).StartsWith("Xin chào Ông/Bà! Đây là", StringComparison.Ordinal));
        var all = (await DirectLineClient.Json(await client.SendAsync(HttpMethod.Get, $"{client.ActivitiesPath}?watermark={watermark}"))).GetProperty("activities").GetArrayLength();
        Assert.Equal(all, second.Activities.Count);
        Assert.Equal(2, second.Activities.Count(a => a.GetProperty("from").GetProperty("role").GetString() == "user"));
        Assert.NotEmpty(replayed);
    }

    [Fact]
    public async Task ReplyReachesASocketHeldByAnotherInstance()
    {
        await using var other = new BotApp(Redis, Core, keyPrefix: Bot.KeyPrefix);
        var client = await DirectLineClient.StartAsync(Bot.CreateClient());
        await using var stream = await Open(other, client.StreamUrl);
        await stream.BotRepliesAsync(0, r => r.Count > 0);

        // Posted to this instance, streamed by the other.
        await client.SayAsync("xin chào");
        var replies = await stream.BotRepliesAsync(1, r => r.Count > 0);
        Assert.StartsWith("Xin chào Ông/Bà!", DirectLineClient.Text(replies[0]), StringComparison.Ordinal);
        Assert.Contains(stream.Activities, a => DirectLineClient.Text(a) == "xin chào");
    }

    [Fact]
    public async Task ASecondSocket_ClosesTheFirst_WithCollision()
    {
        var client = await DirectLineClient.StartAsync(Bot.CreateClient());
        var first = await Open(Bot, client.StreamUrl);
        await using var second = await Open(Bot, client.StreamUrl);

        await first.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("collision", first.CloseReason);
        await client.SayAsync("xin chào");
        await second.BotRepliesAsync(1, r => r.Count > 0);
    }

    [Fact]
    public async Task SocketsOpenedInQuickSuccession_OnlyTheLastStays()
    {
        // Each opened as soon as the one before was answered, before its stream has surely started:
        // the one opened last must stay, whatever order the server's streams begin in.
        var client = await DirectLineClient.StartAsync(Bot.CreateClient());
        var older = new List<StreamSocket>();
        for (var i = 0; i < 4; i++)
        {
            older.Add(await Open(Bot, client.StreamUrl));
        }
        await using var last = await Open(Bot, client.StreamUrl);

        foreach (var socket in older)
        {
            await socket.Closed.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal("collision", socket.CloseReason);
        }
        await client.SayAsync("xin chào");
        await last.BotRepliesAsync(1, r => r.Count > 0);
        Assert.Null(last.CloseReason);
    }

    [Fact]
    public async Task AnActivityWhosePublishWasLost_StillReachesTheSocket()
    {
        Bot.Settings["DirectLine:StreamCatchUpInterval"] = "00:00:01";
        var client = await DirectLineClient.StartAsync(Bot.CreateClient());
        await using var stream = await Open(Bot, client.StreamUrl);
        await stream.BotRepliesAsync(0, r => r.Count > 0);
        await Bot.Services.GetRequiredService<Bot.Channels.DirectLine.DirectLineTurns>().IdleAsync();
        var before = stream.BotMessages.Count;

        // Appended as the store's script appends, but its PUBLISH never reached this instance (a
        // subscriber reconnecting, a failover), and nothing comes after it to reveal the gap.
        var keys = Bot.Services.GetRequiredService<BotKeys>();
        var append = Bot.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase().CreateTransaction();
        _ = append.HashIncrementAsync(keys.DirectLineConversation(client.ConversationId), "seq");
        _ = append.ListRightPushAsync(keys.DirectLineTranscript(client.ConversationId),
            $$"""{"id":"{{client.ConversationId}}|lost","timestamp":"2026-11-29T00:00:00.000Z","type":"message","from":{"id":"survey-bot","role":"bot"},"text":"Tin nhắn lạc"}""");
        Assert.True(await append.ExecuteAsync());

        var replies = await stream.BotRepliesAsync(before, r => r.Count > 0);
        Assert.Equal("Tin nhắn lạc", DirectLineClient.Text(Assert.Single(replies)));
    }

    [Fact]
    public async Task StreamWithABadToken_IsRefusedBeforeTheUpgrade()
    {
        var client = await DirectLineClient.StartAsync(Bot.CreateClient());
        var forged = client.StreamUrl.Replace("t=", "t=x", StringComparison.Ordinal);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Open(Bot, forged));
        Assert.Contains("403", error.Message, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await Bot.CreateClient().GetAsync(new Uri(client.StreamUrl).PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task StreamTicket_OpensOnlyTheStream_AndOnlyForAMinute()
    {
        var client = await DirectLineClient.StartAsync(Bot.CreateClient());
        var ticket = Uri.UnescapeDataString(new Uri(client.StreamUrl).Query.Split("t=")[1].Split('&')[0]);
        var withApiToken = client.StreamUrl.Replace(Uri.EscapeDataString(ticket), Uri.EscapeDataString(client.Token), StringComparison.Ordinal);

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Get, client.ActivitiesPath, token: ticket)).StatusCode);
        Assert.Contains("403", (await Assert.ThrowsAnyAsync<Exception>(() => Open(Bot, withApiToken))).Message, StringComparison.Ordinal);
        Bot.Clock.Now += TimeSpan.FromSeconds(61);
        Assert.Contains("403", (await Assert.ThrowsAnyAsync<Exception>(() => Open(Bot, client.StreamUrl))).Message, StringComparison.Ordinal);
    }

    private static async Task<StreamSocket> Open(BotApp app, string streamUrl)
    {
        var sockets = app.Server.CreateWebSocketClient();
        return await StreamSocket.OpenAsync(uri => sockets.ConnectAsync(new Uri(app.Server.BaseAddress, uri.PathAndQuery), CancellationToken.None), streamUrl);
    }
}
