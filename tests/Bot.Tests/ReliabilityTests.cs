using Bot.State;
using System.Net.Http.Json;
using System.Text.Json;
using Bot.Activities;
using Bot.Outbox;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Bot.Tests;

/// <summary>Not one completed answer lost or counted twice: concurrency, redelivery, the core down, the bot restarted.</summary>
[Collection(RedisTests.Name)]
[Trait(RedisTests.StoreTrait, RedisTests.OnCluster)]
public sealed class ReliabilityTests(RedisServer redis) : BotTestBase(redis)
{
    [Fact]
    public async Task CompletedSurvey_ReachesTheScoringCoreExactlyOnce()
    {
        await Surveys.CompleteInvitedCitizenAsync(Bot, Bot.Conversation(), "cam-vu", "000.00.25.H23-241126-0001");

        await Surveys.EventuallyAsync(async () => await Core.ResponsesAsync("cam-vu") == 1, "the response to reach the core");
        // The worker counts a delivery once it has settled it in Redis, just after the core answered.
        await Surveys.EventuallyAsync(async () => (await Bot.CreateClient().GetFromJsonAsync<JsonElement>("/healthz")).GetProperty("delivered").GetInt64() >= 1, "the delivery to be counted");
        var health = await Bot.CreateClient().GetFromJsonAsync<JsonElement>("/healthz");
        Assert.Equal(1, health.GetProperty("delivered").GetInt64());
        Assert.Equal(0, health.GetProperty("outbox").GetProperty("queued").GetInt64());
        var card = await Core.Api().GetFromJsonAsync<JsonElement>("/api/v1/communes/cam-vu/years/2026/scorecard");
        Assert.Equal(7.5m, card.GetProperty("a1").GetProperty("score").GetDecimal()); // Tốt 2 + Khá 1 + Tốt 2 + Tốt 2 + Trung bình 0.5
    }

    [Fact]
    public async Task LiveAndReady_AnswerAsHealthChecks()
    {
        var http = Bot.CreateClient();

        Assert.Equal("Healthy", await (await http.GetAsync("/health/live")).Content.ReadAsStringAsync());
        var ready = await http.GetAsync("/health/ready");
        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DeliveredForm_IsCountedOnTheOutboxMeter()
    {
        var delivered = 0L;
        // This bot's meter only (its meter factory is the meter's scope): the bots of tests running
        // alongside deliver forms on meters of the same name.
        var meters = Bot.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == global::Bot.Outbox.OutboxMetrics.MeterName && instrument.Name == "bot.outbox.delivered"
                && ReferenceEquals(instrument.Meter.Scope, meters))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref delivered, value));
        listener.Start();

        await Surveys.CompleteCitizenAsync(Bot.Conversation(), "tu-minh");

        await Surveys.EventuallyAsync(() => Task.FromResult(Interlocked.Read(ref delivered) == 1), "the delivered counter");
    }

    [Fact]
    public async Task DecomposedUnicodeAnswer_IsUnderstood()
    {
        var conversation = Bot.Conversation();
        await conversation.StartSurveyAsync("citizen", "cam-vu");
        await conversation.SayAsync("Đồng ý".Normalize(System.Text.NormalizationForm.FormD));

        var replies = await conversation.SayAsync("Trung bình".Normalize(System.Text.NormalizationForm.FormD));

        Assert.StartsWith("Câu 2/5", replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondAttempt_SameUserSameCommune_IsDeclinedPolitely()
    {
        var first = Bot.Conversation();
        await Surveys.CompleteCitizenAsync(first, "cam-vu");
        var second = Bot.Conversation();
        second.UserId = first.UserId;

        var replies = await second.StartSurveyAsync("citizen", "cam-vu");
        var otherCommune = await second.StartSurveyAsync("citizen", "tu-minh");

        Assert.Contains("đã gửi phiếu khảo sát cho xã Cẩm Vũ trong năm 2026 rồi", Assert.Single(replies).Text, StringComparison.Ordinal);
        Assert.Contains("phường Tứ Minh", otherCommune[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoAnswersPostedAtOnce_NeitherIsLost()
    {
        var conversation = Bot.Conversation();
        await conversation.StartSurveyAsync("citizen", "cam-vu");
        await conversation.SayAsync("đồng ý");

        var both = await Task.WhenAll(conversation.SayAsync("1", "fast-a"), conversation.SayAsync("2", "fast-b"));

        // The two turns ran one after the other: one answered question 1, the other question 2.
        var texts = both.Select(r => r[0].Text).Order(StringComparer.Ordinal).ToList();
        Assert.StartsWith("Câu 2/5", texts[0], StringComparison.Ordinal);
        Assert.StartsWith("Câu 3/5", texts[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameActivityDeliveredTwice_IsAnsweredOnce()
    {
        var conversation = Bot.Conversation();
        await conversation.StartSurveyAsync("citizen", "cam-vu");
        var activity = conversation.Activity(ActivityTypes.Message, "redelivered", a => a.Text = "đồng ý");

        var both = await Task.WhenAll(conversation.PostAsync(activity), conversation.PostAsync(activity));
        var next = await conversation.SayAsync("1");

        Assert.Equal(1, both.Count(r => r.Count > 0));
        Assert.Equal(1, both.Count(r => r.Count == 0));
        Assert.StartsWith("Câu 2/5", next[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScoringCoreDownThenUp_ExactlyOneResponseArrives()
    {
        Bot.CoreSwitch.Down = true;
        // The commune list is fetched (and cached) while the core is still up.
        var conversation = Bot.Conversation();
        Bot.CoreSwitch.Down = false;
        await conversation.StartSurveyAsync("citizen", "cam-vu");
        Bot.CoreSwitch.Down = true;
        foreach (var answer in Surveys.CitizenAnswers)
        {
            await conversation.SayAsync(answer);
        }
        await conversation.SayAsync("gửi");

        await Surveys.EventuallyAsync(() => Task.FromResult(Bot.CoreSwitch.FailedCalls >= 10), "several failed deliveries");
        Assert.Equal(0, await Core.ResponsesAsync("cam-vu"));
        Bot.CoreSwitch.Down = false;

        await Surveys.EventuallyAsync(async () => await Core.ResponsesAsync("cam-vu") == 1, "the response to arrive once the core is up");
        await Surveys.EventuallyAsync(async () => (await Bot.CreateClient().GetFromJsonAsync<JsonElement>("/healthz")).GetProperty("delivered").GetInt64() == 1, "the delivery to be counted");
        Assert.Equal(1, await Core.ResponsesAsync("cam-vu"));
    }

    [Fact]
    public async Task BotRestartedMidSurvey_TheSurveyResumes()
    {
        var conversation = Bot.Conversation();
        await conversation.StartSurveyAsync("citizen", "cam-vu");
        await conversation.SayAsync("đồng ý");
        await conversation.SayAsync("1");
        await Bot.DisposeAsync();

        Bot = new BotApp(Redis, Core, Bot.KeyPrefix, Bot.Clock);
        var replies = await new Conversation(Bot.CreateClient(), "directline", conversation.Id) { UserId = conversation.UserId }.SayAsync("khá");

        Assert.StartsWith("Câu 3/5", replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormRefusedByTheCore_GoesToTheDeadLetterList()
    {
        using var connection = await ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString);
        var entry = """{"responseId":"bad-1","form":"citizen","communeId":"xa-da-xoa","year":2026,"answers":["tot","tot","tot","tot","tot"],"submittedAt":"2026-11-25T03:00:00+00:00","channel":"directline","enqueuedAt":"2026-11-25T03:00:00+00:00"}""";
        _ = Bot.Services; // the worker runs once the host is built
        var keys = new BotKeys(Bot.KeyPrefix);
        await connection.GetDatabase().ListLeftPushAsync(keys.Outbox(5), entry);

        await Surveys.EventuallyAsync(async () => await connection.GetDatabase().ListLengthAsync(keys.OutboxDead(5)) == 1, "the dead letter");
        var letter = JsonDocument.Parse((string)(await connection.GetDatabase().ListGetByIndexAsync(keys.OutboxDead(5), 0))!).RootElement;
        Assert.Equal(404, letter.GetProperty("status").GetInt32());
        Assert.Contains("xa-da-xoa", letter.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var health = await Bot.CreateClient().GetFromJsonAsync<JsonElement>("/healthz");
        Assert.Equal(1, health.GetProperty("deadLettered").GetInt64());
    }

    [Fact]
    public async Task FormLeftInFlightByADeadProcess_IsRecoveredAtStart()
    {
        using var connection = await ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString);
        var prefix = $"tb:{Guid.NewGuid():N}:";
        var entry = """{"responseId":"inflight-1","form":"citizen","communeId":"tu-minh","year":2026,"answers":["kha","kha","kha","kha","kha"],"submittedAt":"2026-11-25T03:00:00+00:00","channel":"directline","enqueuedAt":"2026-11-25T03:00:00+00:00"}""";
        var keys = new BotKeys(prefix);
        await connection.GetDatabase().ListLeftPushAsync(keys.OutboxInFlight(11), entry);

        await using var restarted = new BotApp(Redis, Core, prefix);
        _ = restarted.Services;

        await Surveys.EventuallyAsync(async () => await Core.ResponsesAsync("tu-minh") == 1, "the recovered response");
        Assert.Equal(0, await connection.GetDatabase().ListLengthAsync(keys.OutboxInFlight(11)));
    }

    [Fact]
    public async Task AFormThisInstanceQueued_IsDeliveredAtOnce_NotAtTheNextPoll()
    {
        await using var bot = new BotApp(Redis, Core);
        // Past its start-up look at every shard, the worker looks at all of them again only after
        // this: the form must come through the shard the turn's notification names.
        bot.Settings["Bot:OutboxPollInterval"] = "00:10:00";
        _ = bot.Services;

        await Surveys.CompleteCitizenAsync(bot.Conversation(), "tu-minh");

        await Surveys.EventuallyAsync(async () => await Core.ResponsesAsync("tu-minh") == 1, "the form in the core");
    }

    [Fact]
    public async Task FormsWaitingForASlowCore_AreDeliveredSeveralAtOnce()
    {
        using var connection = await ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString);
        var keys = new BotKeys(Bot.KeyPrefix);
        Bot.Settings["Bot:OutboxConcurrency"] = "3";
        _ = Bot.Services;
        static string Entry(string id) => $$"""{"responseId":"{{id}}","form":"citizen","communeId":"cam-binh","year":2026,"answers":["kha","kha","kha","kha","kha"],"submittedAt":"2026-11-25T03:00:00+00:00","channel":"directline","enqueuedAt":"2026-11-25T03:00:00+00:00"}""";

        Bot.CoreSwitch.HoldWrites();
        foreach (var (id, shard) in new[] { ("slow-1", 2), ("slow-2", 5), ("slow-3", 9) })
        {
            await connection.GetDatabase().ListLeftPushAsync(keys.Outbox(shard), Entry(id));
        }

        // Each delivery waits on the core on its own: one at a time, only one would ever be at the door.
        await Surveys.EventuallyAsync(() => Task.FromResult(Bot.CoreSwitch.WritesHeld == 3), "three deliveries waiting on the core at once");
        Bot.CoreSwitch.ReleaseWrites();
        await Surveys.EventuallyAsync(async () => await Core.ResponsesAsync("cam-binh") == 3, "the three forms in the core");
    }

    [Fact]
    public async Task AnOutboxConcurrencyBelowOne_StopsTheStart_NamingTheSetting()
    {
        await using var bot = new BotApp(Redis, Core);
        bot.Settings["Bot:OutboxConcurrency"] = "0";

        var refused = Assert.ThrowsAny<Exception>(() => bot.Services);

        Assert.Contains("Bot:OutboxConcurrency must be at least 1.", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormLeftInFlightWhileTheBotRuns_IsQueuedAgainOnceStale()
    {
        using var connection = await ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString);
        var prefix = $"tb:{Guid.NewGuid():N}:";
        await using var bot = new BotApp(Redis, Core, prefix);
        bot.Settings["Bot:OutboxStaleAfter"] = "00:00:00.300";
        _ = bot.Services;
        var keys = new BotKeys(prefix);
        static string Entry(string id) => $$"""{"responseId":"{{id}}","form":"citizen","communeId":"cam-binh","year":2026,"answers":["kha","kha","kha","kha","kha"],"submittedAt":"2026-11-25T03:00:00+00:00","channel":"directline","enqueuedAt":"2026-11-25T03:00:00+00:00"}""";
        // A first form delivered: the worker is past its start-up recovery, so only the sweep can find the next.
        await connection.GetDatabase().ListLeftPushAsync(keys.Outbox(7), Entry("delivered-1"));
        await Surveys.EventuallyAsync(async () => await Core.ResponsesAsync("cam-binh") == 1, "the first form in the core");

        // As a failover leaves it: the worker's "done" lost, the entry still in flight, nobody delivering it.
        await connection.GetDatabase().ListLeftPushAsync(keys.OutboxInFlight(7), Entry("stale-1"));

        await Surveys.EventuallyAsync(async () => await Core.ResponsesAsync("cam-binh") == 2, "the stale form in the core");
        await Surveys.EventuallyAsync(async () => await connection.GetDatabase().ListLengthAsync(keys.OutboxInFlight(7)) == 0, "nothing left in flight");
    }

    [Fact]
    public async Task ADeliveryTheCoreCouldNotTake_IsRetriedWithinIt_AndARefusalIsNot()
    {
        var deliveries = Bot.Services.GetRequiredService<OutboxDeliveryClient>();
        static string Entry(string id, string commune) => $$"""{"responseId":"{{id}}","form":"citizen","communeId":"{{commune}}","year":2026,"answers":["kha","kha","kha","kha","kha"],"submittedAt":"2026-11-25T03:00:00+00:00","channel":"directline","enqueuedAt":"2026-11-25T03:00:00+00:00"}""";

        Bot.CoreSwitch.FailNext(2);
        var delivered = await deliveries.SubmitAsync(Entry("retried-1", "cam-binh"), CancellationToken.None);
        var writesAfterTheFirst = Bot.CoreSwitch.WritesPassed;
        var refused = await deliveries.SubmitAsync(Entry("refused-1", "xa-da-xoa"), CancellationToken.None);

        // Two 503s, then the third attempt through: one delivery, one form.
        Assert.Equal(DeliveryOutcome.Delivered, delivered.Outcome);
        Assert.Equal(2, Bot.CoreSwitch.FailedCalls);
        Assert.Equal(1, writesAfterTheFirst);
        Assert.Equal(1, await Core.ResponsesAsync("cam-binh"));
        // The core read the form and refused it: final at once, not tried again.
        Assert.Equal((DeliveryOutcome.Rejected, 404), (refused.Outcome, refused.Status));
        Assert.Equal(2, Bot.CoreSwitch.WritesPassed);
    }
}
