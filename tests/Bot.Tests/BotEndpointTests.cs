using System.Net;
using System.Net.Http.Json;
using System.Text;
using Bot.Activities;

namespace Bot.Tests;

[Collection(RedisTests.Name)]
[Trait(RedisTests.StoreTrait, RedisTests.OnCluster)]
public sealed class BotEndpointTests(RedisServer redis) : BotTestBase(redis)
{
    [Fact]
    public async Task Message_NormalDelivery_RepliesThroughTheConnectorAtServiceUrl()
    {
        await using var connector = await FakeConnector.StartAsync();
        var conversation = Bot.Conversation();
        var activity = conversation.Activity(ActivityTypes.Message, "act-1", a =>
        {
            a.Text = "khảo sát cam-vu";
            a.DeliveryMode = null;
            a.ServiceUrl = connector.ServiceUrl;
        });

        var response = await Bot.CreateClient().PostAsJsonAsync("/api/messages", activity, BotJsonContext.Default.Activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var received = connector.Received.ToList();
        Assert.Equal(2, received.Count);
        Assert.All(received, r => Assert.Equal($"/v3/conversations/{conversation.Id}/activities/act-1", r.Path));
        Assert.All(received, r => Assert.Equal(conversation.Id, r.ConversationHeader));
        var question = received[1].Body;
        Assert.Equal("message", question.GetProperty("type").GetString());
        Assert.Equal("act-1", question.GetProperty("replyToId").GetString());
        Assert.Equal("bot", question.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal(conversation.UserId, question.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal("expectingInput", question.GetProperty("inputHint").GetString());
        Assert.Equal("Đồng ý", question.GetProperty("suggestedActions").GetProperty("actions")[0].GetProperty("value").GetString());
    }

    [Fact]
    public async Task Replies_CarryVietnameseLettersAsThemselves()
    {
        await using var connector = await FakeConnector.StartAsync();
        var conversation = Bot.Conversation();
        var expected = conversation.Activity(ActivityTypes.Message, "act-1", a => a.Text = "khảo sát cam-vu");
        var sent = conversation.Activity(ActivityTypes.Message, "act-2", a =>
        {
            a.Text = "khảo sát cam-vu";
            a.DeliveryMode = null;
            a.ServiceUrl = connector.ServiceUrl;
        });
        sent.Conversation = new ConversationAccount(conversation.Id + "-connector");

        var returned = await (await Bot.CreateClient().PostAsJsonAsync("/api/messages", expected, BotJsonContext.Default.Activity)).Content.ReadAsStringAsync();
        await Bot.CreateClient().PostAsJsonAsync("/api/messages", sent, BotJsonContext.Default.Activity);

        // "\u00E9" for "é" in every letter with a mark would make a reply a quarter longer on a phone.
        Assert.Contains("Xin phép Ông/Bà", returned);
        Assert.Contains("Xin phép Ông/Bà", connector.RawBodies.Last());
    }

    [Fact]
    public async Task ConversationUpdate_OnDirectLine_WelcomesWithoutReplyToId()
    {
        await using var connector = await FakeConnector.StartAsync();
        var conversation = Bot.Conversation();
        var join = conversation.Activity(ActivityTypes.ConversationUpdate, "join-1", a =>
        {
            a.MembersAdded = [new ChannelAccount("bot"), new ChannelAccount(conversation.UserId)];
            a.DeliveryMode = null;
            a.ServiceUrl = connector.ServiceUrl;
        });

        var response = await Bot.CreateClient().PostAsJsonAsync("/api/messages", join, BotJsonContext.Default.Activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var welcome = Assert.Single(connector.Received);
        Assert.Equal($"/v3/conversations/{conversation.Id}/activities", welcome.Path);
        Assert.Contains("Xin chào Ông/Bà", welcome.Body.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownFields_AreKeptOnTheWayBack()
    {
        var conversation = Bot.Conversation();
        var activity = conversation.Activity(ActivityTypes.Message, null, a => a.Text = "xin chào");
        activity.Conversation!.Extra = new() { ["tenantId"] = System.Text.Json.JsonSerializer.SerializeToElement("t-1") };

        var replies = await conversation.PostAsync(activity);

        Assert.Equal("t-1", replies[0].Conversation!.TenantId);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("""{"type":"message","channelId":"directline","from":{"id":"u"},"serviceUrl":"http://127.0.0.1:9/"}""")]
    [InlineData("""{"type":"message","channelId":"directline","conversation":{"id":"c"},"serviceUrl":"http://127.0.0.1:9/"}""")]
    [InlineData("""{"channelId":"directline","conversation":{"id":"c"},"from":{"id":"u"},"serviceUrl":"http://127.0.0.1:9/"}""")]
    [InlineData("""{"type":"message","channelId":"directline","conversation":{"id":"c"},"from":{"id":"u"}}""")]
    [InlineData("""{"type":"message","channelId":"directline","conversation":{"id":"c"},"from":{"id":"u"},"serviceUrl":"file:///etc/passwd"}""")]
    // Half a surrogate pair in what is kept as JSON: a card's answer, channel data, a field we do not model.
    [InlineData("""{"type":"invoke","name":"adaptiveCard/action","channelId":"msteams","conversation":{"id":"c"},"from":{"id":"u"},"serviceUrl":"http://127.0.0.1:9/","value":{"action":{"type":"Action.Execute","data":{"answer":"\ud800"}}}}""")]
    [InlineData("""{"type":"message","channelId":"msteams","conversation":{"id":"c"},"from":{"id":"u"},"serviceUrl":"http://127.0.0.1:9/","text":"1","value":{"answer":"x\udc00"}}""")]
    [InlineData("""{"type":"message","channelId":"msteams","conversation":{"id":"c"},"from":{"id":"u"},"serviceUrl":"http://127.0.0.1:9/","channelData":{"tenant":{"id":"\ud800"}}}""")]
    [InlineData("""{"type":"message","channelId":"msteams","conversation":{"id":"c"},"from":{"id":"u"},"serviceUrl":"http://127.0.0.1:9/","somethingNew":["\ud800"]}""")]
    public async Task Malformed_Is400Problem(string body)
    {
        var response = await Bot.CreateClient().PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Invoke_WithNoHandler_Is501()
    {
        var conversation = Bot.Conversation();
        var invoke = conversation.Activity(ActivityTypes.Invoke, null, a => a.Name = "composeExtension/query");

        var response = await Bot.CreateClient().PostAsJsonAsync("/api/messages", invoke, BotJsonContext.Default.Activity);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task TypingAndOtherTypes_AreAcceptedWithoutAnswer()
    {
        var conversation = Bot.Conversation();

        var replies = await conversation.PostAsync(conversation.Activity("typing", null, _ => { }));

        Assert.Empty(replies);
    }

    [Fact]
    public async Task VeryLongText_GetsAPoliteRefusalAndTheSurveyStaysPut()
    {
        var conversation = Bot.Conversation();
        await conversation.StartSurveyAsync("citizen", "cam-vu");
        await conversation.SayAsync("đồng ý");

        var refusal = await conversation.SayAsync(new string('a', 2001));
        var next = await conversation.SayAsync("1");

        Assert.Contains("tin nhắn dài quá 2000 ký tự", Assert.Single(refusal).Text, StringComparison.Ordinal);
        Assert.StartsWith("Câu 2/5", next[0].Text, StringComparison.Ordinal);
    }
}
