using System.Net;
using System.Text;
using Bot.Surveys;
using Bot.State;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Bot.Tests.Zalo;

/// <summary>The Zalo OA webhook and replies against a local fake Zalo: signatures, repeats, tokens, windows, a whole survey.</summary>
[Collection(RedisTests.Name)]
[Trait(RedisTests.StoreTrait, RedisTests.OnCluster)]
public sealed class ZaloTests(RedisServer redis) : BotTestBase(redis), IAsyncLifetime
{
    private FakeZalo _zalo = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        _zalo = await FakeZalo.StartAsync();
        ZaloChat.Configure(Bot, _zalo);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _zalo.DisposeAsync();
    }

    private ZaloChat Chat() => new(Bot, _zalo);

    [Fact]
    public async Task Webhook_BadSignature_Is401_AndNothingIsStoredOrProcessed()
    {
        var chat = Chat();
        var body = _zalo.TextEvent(chat.UserId, "khảo sát cam-vu", msgId: "bad-signature-1");

        var wrongSecret = await chat.PostAsync(body, FakeZalo.Sign(body, "another-secret"));
        var noSignature = await chat.PostAsync(body, signature: "");
        var reserialised = await chat.PostAsync(body.Replace("\"app_id\"", " \"app_id\"", StringComparison.Ordinal), FakeZalo.Sign(body));

        Assert.All([wrongSecret, noSignature, reserialised], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Empty(chat.Received());
        Assert.False(await Bot.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase().KeyExistsAsync(new BotKeys(Bot.KeyPrefix).ZaloSeen("bad-signature-1")));
    }

    [Fact]
    public async Task Webhook_SameEventDeliveredThreeTimes_RunsOneTurn()
    {
        var chat = Chat();
        var body = _zalo.TextEvent(chat.UserId, "khảo sát cam-vu", msgId: "repeated-msg-1");

        var responses = new[] { await chat.PostAsync(body), await chat.PostAsync(body, retry: "1"), await chat.PostAsync(body, retry: "2") };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var received = chat.Received();
        Assert.Equal(2, received.Count);
        Assert.Contains("xã Cẩm Vũ", ZaloChat.Text(received[0]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_OaSendEcho_AndUnsignedConsoleProbe_AreAcknowledgedAndIgnored()
    {
        var chat = Chat();

        var echo = await chat.PostAsync(_zalo.TextEvent(chat.UserId, "khảo sát cam-vu", eventName: "oa_send_text"));
        var probe = await chat.PostAsync("{}", signature: "");

        Assert.Equal(HttpStatusCode.OK, echo.StatusCode);
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        Assert.Empty(chat.Received());
    }

    [Fact]
    public async Task Webhook_SignedButNotAnEvent_Is400Problem()
    {
        var body = """{"timestamp":"1700000000000","app_id":[1,2]}""";

        var response = await Chat().PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Webhook_BodyOver64KiB_Is413Problem_BeforeItsSignatureIsRead()
    {
        var chat = Chat();
        var body = _zalo.TextEvent(chat.UserId, new string('a', 70 * 1024), msgId: "too-large-1");

        var response = await chat.PostAsync(body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(chat.Received());
    }

    [Fact]
    public async Task Webhook_SignedEventForAnotherApp_Is401_AndNothingIsProcessed()
    {
        var chat = Chat();
        var body = _zalo.TextEvent(chat.UserId, "khảo sát cam-vu", msgId: "other-app-1").Replace(FakeZalo.AppId, "1111111111", StringComparison.Ordinal);

        // Signed with our key as Zalo signs (app id + body + timestamp + key), but naming another app in the body.
        var response = await chat.PostAsync(body, FakeZalo.Sign(body));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(chat.Received());
    }

    [Fact]
    public async Task Webhook_WhenZaloIsNotConfigured_Is404Problem()
    {
        await using var bare = new BotApp(Redis, Core);

        using var response = await bare.CreateClient().PostAsync("/api/zalo", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Question_ChoicesAreOaQueryButtons_AndATapAnswersIt()
    {
        var chat = Chat();
        await chat.SayAsync("khảo sát cam-vu");
        var consent = chat.Received()[^1];
        Assert.Equal(["Đồng ý", "Không đồng ý"], ZaloChat.Buttons(consent));
        Assert.Equal("oa.query.hide", consent["attachment"]!["payload"]!["buttons"]![0]!["type"]!.GetValue<string>());

        // A tap on an oa.query button arrives as a user_send_text carrying the payload.
        await chat.SayAsync(ZaloChat.Taps(consent)[0]);

        Assert.StartsWith("Câu 1/5", ZaloChat.Text(chat.Received()[^1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOldMessagesButton_TappedLater_DoesNotAnswerTheQuestionAskedNow()
    {
        var chat = Chat();
        await chat.SayAsync("khảo sát cam-vu");
        await chat.SayAsync("đồng ý");
        var question1 = chat.Received()[^1];
        await chat.SayAsync(ZaloChat.Taps(question1)[1]);
        var question2 = chat.Received()[^1];

        // Zalo keeps question 1's buttons under it: "Tốt" tapped there now is not question 2's answer.
        await chat.SayAsync(ZaloChat.Taps(question1)[0]);
        var afterOldTap = chat.Received();
        await chat.SayAsync(ZaloChat.Taps(question2)[2]);

        Assert.StartsWith("Câu 2/5", ZaloChat.Text(question2), StringComparison.Ordinal);
        Assert.Equal("Câu hỏi đó đã được trả lời rồi. Xin Ông/Bà trả lời câu hỏi mới nhất.", ZaloChat.Text(afterOldTap[^2]));
        Assert.StartsWith("Câu 2/5", ZaloChat.Text(afterOldTap[^1]), StringComparison.Ordinal);
        Assert.StartsWith("Câu 3/5", ZaloChat.Text(chat.Received()[^1]), StringComparison.Ordinal);
        // The tap sent the question's key with its answer, hidden from the person by oa.query.hide.
        Assert.Matches("^#[0-9a-f]{12} ", ZaloChat.Taps(question1)[0]);
    }

    [Fact]
    public async Task GuiTwice_OrAnOldQuestionsButtonTappedAfterwards_IsToldTheFormWasSent()
    {
        var chat = Chat();
        await chat.SayAsync("khảo sát cam-vu");
        await chat.SayAsync("đồng ý");
        var question1 = chat.Received()[^1];
        foreach (var say in new[] { "tốt", "tốt", "tốt", "tốt", "tốt", "bỏ qua", "bỏ qua", "bỏ qua" })
        {
            await chat.SayAsync(say);
        }
        // The summary has more choices than Zalo's five buttons, so they are listed in its text and "gửi" is typed.
        Assert.Empty(ZaloChat.Buttons(chat.Received()[^1]));
        await chat.SayAsync("gửi");
        var sent = ZaloChat.Text(chat.Received()[^1]);
        await chat.SayAsync("Gửi");
        var sentAgain = ZaloChat.Text(chat.Received()[^1]);

        await chat.SayAsync(ZaloChat.Taps(question1)[2]);

        Assert.StartsWith("Xin trân trọng cảm ơn", sent, StringComparison.Ordinal);
        const string AlreadySent = "Dạ, phiếu của Ông/Bà đã được gửi và ghi nhận rồi ạ, Ông/Bà không cần gửi lại. Xin cảm ơn Ông/Bà!";
        Assert.Equal(AlreadySent, sentAgain);
        Assert.Equal(AlreadySent, ZaloChat.Text(chat.Received()[^1]));
    }

    [Theory]
    [InlineData("user_send_sticker", "sticker")]
    [InlineData("user_send_audio", "audio")]
    public async Task AStickerOrAVoiceMessage_MidSurvey_IsSaidToBeUnreadable_AndTheQuestionAskedAgain(string eventName, string type)
    {
        var chat = Chat();
        await chat.SayAsync("khảo sát cam-vu");
        await chat.SayAsync("đồng ý");

        var response = await chat.PostAsync(_zalo.AttachmentEvent(chat.UserId, eventName, type, "https://zalo-api.zadn.vn/api/emoticon/sticker/webpc?eid=46991&size=130"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = chat.Received();
        Assert.StartsWith("Dạ, chúng tôi chỉ đọc được chữ", ZaloChat.Text(received[^2]), StringComparison.Ordinal);
        Assert.StartsWith("Câu 1/5", ZaloChat.Text(received[^1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Question_WithButtonsOff_ListsTheChoicesInTheText()
    {
        Bot.Settings["Zalo:Buttons"] = "false";
        var chat = Chat();

        await chat.SayAsync("khảo sát cam-vu");

        var consent = chat.Received()[^1];
        Assert.Empty(ZaloChat.Buttons(consent));
        Assert.EndsWith("\n• Đồng ý\n• Không đồng ý", ZaloChat.Text(consent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_InDecomposedUnicode_IsUnderstood()
    {
        var chat = Chat();

        await chat.SayAsync("khảo sát cam-vu".Normalize(NormalizationForm.FormD));

        Assert.Equal(["Đồng ý", "Không đồng ý"], ZaloChat.Buttons(chat.Received()[^1]));
    }

    [Fact]
    public async Task SharedSurveyLink_StartsThatCommunesSurvey()
    {
        var chat = Chat();
        var link = Bot.Services.GetRequiredService<SurveyLinks>().Make("citizen", "cam-vu");

        await chat.SayAsync($"https://khaosat.example.gov.vn/s/{link.Path}");

        Assert.Contains("xã Cẩm Vũ", ZaloChat.Text(chat.Received()[0]), StringComparison.Ordinal);
        Assert.Equal(["Đồng ý", "Không đồng ý"], ZaloChat.Buttons(chat.Received()[^1]));
    }

    [Fact]
    public async Task CitizenSurvey_WholeSurveyOverZalo_IsSubmittedToTheScoringCore()
    {
        var chat = Chat();
        await chat.SayAsync("khảo sát cam-vu");

        foreach (var answer in Surveys.CitizenAnswers)
        {
            await chat.SayAsync(answer);
        }
        await chat.SayAsync("gửi");

        Assert.Contains("Xin trân trọng cảm ơn", ZaloChat.Text(chat.Received()[^1]), StringComparison.Ordinal);
        await Surveys.EventuallyAsync(async () => await Core.ResponsesAsync("cam-vu") == 1, "the response at the scoring core");
        Assert.Equal(1, _zalo.Refreshes);
    }

    [Fact]
    public async Task AccessToken_ExpiringMidSurvey_IsRefreshedOnceAndTheReplyStillArrives()
    {
        var chat = Chat();
        await chat.SayAsync("khảo sát cam-vu");
        await chat.SayAsync("đồng ý");
        _zalo.ExpireAccessToken();

        await chat.SayAsync("1");

        Assert.StartsWith("Câu 2/5", ZaloChat.Text(chat.Received()[^1]), StringComparison.Ordinal);
        Assert.Equal(2, _zalo.Refreshes);
        Assert.Contains(-216, _zalo.Answers);
        // The newest single-use refresh token is the one kept.
        Assert.Equal(_zalo.RefreshToken, (string?)await Bot.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase().HashGetAsync($"{Bot.KeyPrefix}zalo:tokens", "refresh"));
    }

    [Fact]
    public async Task AccessToken_NearItsExpiry_IsRefreshedAheadWithoutAnError()
    {
        var chat = Chat();
        await chat.SayAsync("khảo sát cam-vu");
        Bot.Clock.Now += TimeSpan.FromHours(24.5); // Zalo's tokens last 25 h; the bot renews 1 h ahead

        await chat.SayAsync("khảo sát cam-vu");

        Assert.Equal(2, _zalo.Refreshes);
        Assert.DoesNotContain(_zalo.Answers, error => error != 0);
        Assert.Equal(["Đồng ý", "Không đồng ý"], ZaloChat.Buttons(chat.Received()[^1]));
    }

    [Fact]
    public async Task AccessToken_ReportedExpired220_IsRefreshedAndTheMessageSentOnce()
    {
        var chat = Chat();
        await chat.SayAsync("khảo sát cam-vu");
        _zalo.ScriptedErrors.Enqueue(-220);

        await chat.SayAsync("đồng ý");

        Assert.Equal(2, _zalo.Refreshes);
        Assert.Equal(3, chat.Received().Count);
        Assert.StartsWith("Câu 1/5", ZaloChat.Text(chat.Received()[^1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefreshToken_AfterARestart_TheStoredOneIsUsed_NotTheConfiguredOne()
    {
        var chat = Chat();
        await chat.SayAsync("khảo sát cam-vu");
        await Bot.DisposeAsync();
        var restarted = ZaloChat.Configure(new BotApp(Redis, Core, Bot.KeyPrefix), _zalo);
        restarted.Settings["Zalo:RefreshToken"] = "refresh-0"; // already used: Zalo would refuse it
        Bot = restarted;
        _zalo.ExpireAccessToken();

        await new ZaloChat(Bot, _zalo).SayAsync("khảo sát cam-vu");

        Assert.Equal(2, _zalo.Refreshes);
        Assert.Equal(4, _zalo.Delivered.Count);
    }

    [Fact]
    public async Task RateLimited_BacksOffAndSends()
    {
        var chat = Chat();
        _zalo.ScriptedErrors.Enqueue(-32);
        _zalo.ScriptedErrors.Enqueue(-32);

        await chat.SayAsync("khảo sát cam-vu");

        Assert.Equal(2, chat.Received().Count);
        Assert.Equal([-32, -32, 0, 0], _zalo.Answers);
    }

    [Fact]
    public async Task WindowClosed_ReplyIsKept_AndSentFirstWhenTheUserWritesAgain()
    {
        var chat = Chat();
        // Both replies of the first turn find the user's 7-day window closed.
        _zalo.ScriptedErrors.Enqueue(-230);
        _zalo.ScriptedErrors.Enqueue(-230);

        await chat.SayAsync("khảo sát cam-vu");
        Assert.Empty(chat.Received());
        await chat.SayAsync("đồng ý");

        var received = chat.Received();
        Assert.Equal(3, received.Count);
        Assert.Contains("xã Cẩm Vũ", ZaloChat.Text(received[0]), StringComparison.Ordinal);
        Assert.Equal(["Đồng ý", "Không đồng ý"], ZaloChat.Buttons(received[1]));
        Assert.StartsWith("Câu 1/5", ZaloChat.Text(received[2]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PendingEvent_AcceptedBeforeARestart_IsProcessedAtStart()
    {
        var chat = Chat();
        var body = _zalo.TextEvent(chat.UserId, "khảo sát cam-vu", msgId: "pending-before-restart");
        var database = Bot.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        await database.HashSetAsync(new BotKeys(Bot.KeyPrefix).ZaloPending, "pending-before-restart", body);
        await Bot.DisposeAsync();
        Bot = ZaloChat.Configure(new BotApp(Redis, Core, Bot.KeyPrefix), _zalo);

        await Bot.Services.GetRequiredService<Bot.Channels.Zalo.ZaloTurns>().IdleAsync();

        Assert.Equal(2, chat.Received().Count);
        Assert.False(await Bot.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase().HashExistsAsync(new BotKeys(Bot.KeyPrefix).ZaloPending, "pending-before-restart"));
    }

    [Fact]
    public async Task Reminder_ToAClosedWindow_IsKeptAndTaken_AndArrivesWhenTheUserWritesAgain()
    {
        var chat = Chat();
        var messenger = Bot.Services.GetRequiredService<Bot.Staff.Reminders.ProactiveMessenger>();
        var reference = new Bot.Activities.ConversationReference("zalo", "", chat.UserId, chat.UserId, "oa");
        _zalo.ScriptedErrors.Enqueue(-230);

        // The same sender as the replies: Zalo refuses for the closed window, the message is kept, and counts as taken.
        var taken = await messenger.SendAsync(reference, "Nhắc việc: còn 7 ngày", CancellationToken.None);
        Assert.True(taken);
        Assert.Empty(chat.Received());
        await chat.SayAsync("tôi là ai");

        var received = chat.Received();
        Assert.Equal("Nhắc việc: còn 7 ngày", ZaloChat.Text(received[0]));
        Assert.Equal(2, received.Count);
    }
}
