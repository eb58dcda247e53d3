using System.Net;
using System.Text.Json;
using Bot.Activities;

namespace Bot.Tests.BotFramework;

/// <summary>The survey on Teams: cards with Action.Execute, invokes answered with the updated card, one-to-one chats only.</summary>
[Collection(RedisTests.Name)]
public sealed class TeamsTests(RedisServer redis) : TeamsTestBase(redis)
{
    private TeamsChat Chat(string conversationType = "personal") => new(Bot, Connector, TeamsKey, conversationType);

    [Fact]
    public async Task ConversationUpdate_BotInstalledInPersonalChat_Welcomes()
    {
        var chat = Chat();

        var response = await chat.PostAsync(chat.Activity(ActivityTypes.ConversationUpdate, a => a.MembersAdded = [new ChannelAccount("28:" + TeamsBot.AppId)]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var welcome = Assert.Single(chat.Sent());
        Assert.StartsWith("Xin chào Ông/Bà! Đây là trợ lý khảo sát", welcome.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConversationUpdate_InstalledAgainByAnEnrolledPerson_GreetsThemAsStaff()
    {
        var chat = Chat();
        await chat.SayAsync("đăng ký " + await Staff.StaffPeople.CodeAsync(Bot, People.StaffRole.Staff, "cam-vu"));

        await chat.PostAsync(chat.Activity(ActivityTypes.ConversationUpdate, a => a.MembersAdded = [new ChannelAccount("28:" + TeamsBot.AppId)]));

        var greeting = chat.Sent()[^1].GetProperty("text").GetString();
        Assert.StartsWith("Xin chào Anh/Chị! Anh/Chị đã đăng ký là cán bộ, công chức của xã Cẩm Vũ.", greeting, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConversationUpdate_InstalledAgainInTheMiddleOfSelfScoring_GreetsThemAndSaysWhereTheyWere()
    {
        var chat = Chat();
        await chat.SayAsync("đăng ký " + await Staff.StaffPeople.CodeAsync(Bot, People.StaffRole.Staff, "cam-vu"));
        await chat.SayAsync("tự chấm điểm");
        var before = chat.Sent().Count;

        await chat.PostAsync(chat.Activity(ActivityTypes.ConversationUpdate, a => a.MembersAdded = [new ChannelAccount("28:" + TeamsBot.AppId)]));

        // Text and cards alike, as written (not \u-escaped).
        var relaxed = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var replies = chat.Sent().Skip(before).Select(a => JsonSerializer.Serialize(a, relaxed)).ToList();
        Assert.Contains("Xin chào Anh/Chị! Anh/Chị đã đăng ký là cán bộ, công chức của xã Cẩm Vũ.", replies[0], StringComparison.Ordinal);
        Assert.Contains("Mục 1.1.a", replies[^1], StringComparison.Ordinal);
        Assert.DoesNotContain(replies, r => r.Contains("Ông/Bà", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("groupChat")]
    [InlineData("channel")]
    public async Task Message_InAGroup_GetsAPoliteNoteAndNoSurvey(string conversationType)
    {
        var chat = Chat(conversationType);

        await chat.SayAsync("khảo sát cam-vu");

        var note = Assert.Single(chat.Sent());
        Assert.Contains("chỉ làm trong trò chuyện riêng", note.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.False(note.TryGetProperty("attachments", out _));
    }

    [Fact]
    public async Task Question_IsAnAdaptiveCard15_WithExecuteButtonsAndSubmitFallback()
    {
        var chat = Chat();

        await chat.SayAsync("khảo sát cam-vu");

        var question = chat.Sent()[^1];
        Assert.False(question.TryGetProperty("suggestedActions", out _));
        var attachment = question.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        var card = attachment.GetProperty("content");
        Assert.Equal("1.5", card.GetProperty("version").GetString());
        Assert.Contains("5 câu hỏi ngắn", card.GetProperty("body")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        var accept = card.GetProperty("actions")[0];
        Assert.Equal(("Action.Execute", "answer", "Đồng ý"), (accept.GetProperty("type").GetString(), accept.GetProperty("verb").GetString(), accept.GetProperty("title").GetString()));
        Assert.Equal("Action.Submit", accept.GetProperty("fallback").GetProperty("type").GetString());
        Assert.Equal("Đồng ý", accept.GetProperty("fallback").GetProperty("data").GetProperty("answer").GetString());
    }

    [Fact]
    public async Task Invoke_ActionExecute_RespondsWithTheAnsweredCard_AndSendsTheNextQuestion()
    {
        var chat = Chat();
        await chat.SayAsync("khảo sát cam-vu");

        var response = await chat.ExecuteAsync(Data(chat.LastCard(), 0));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(200, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.RootElement.GetProperty("type").GetString());
        var answered = body.RootElement.GetProperty("value");
        Assert.Equal(0, answered.GetProperty("actions").GetArrayLength());
        Assert.Equal("✓ Đã chọn: Đồng ý", answered.GetProperty("body")[1].GetProperty("text").GetString());
        Assert.StartsWith("Câu 1/5", chat.LastCard().GetProperty("body")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_SameCardClickedAgain_IsStaleAndDoesNotAnswerTheCurrentQuestion()
    {
        var chat = Chat();
        await chat.SayAsync("khảo sát cam-vu");
        var consent = Data(chat.LastCard(), 0);
        await chat.ExecuteAsync(consent);

        var again = await chat.ExecuteAsync(consent);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var sent = chat.Sent();
        Assert.Equal("Câu hỏi đó đã được trả lời rồi. Xin Ông/Bà trả lời câu hỏi mới nhất.", sent[^2].GetProperty("text").GetString());
        Assert.StartsWith("Câu 1/5", chat.LastCard().GetProperty("body")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_ActionSubmitValue_AnswersAndReplacesTheCardThroughTheConnector()
    {
        var chat = Chat();
        await chat.SayAsync("khảo sát cam-vu");
        var consent = Data(chat.LastCard(), 0);

        var response = await chat.PostAsync(chat.Activity(ActivityTypes.Message, a =>
        {
            a.Value = consent;
            a.ReplyToId = "1:card-consent";
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Câu 1/5", chat.LastCard().GetProperty("body")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        var (activityId, update) = Assert.Single(Connector.Updates);
        Assert.Equal("1:card-consent", activityId);
        var card = update.GetProperty("attachments")[0].GetProperty("content");
        Assert.Equal(0, card.GetProperty("actions").GetArrayLength());
        Assert.Equal("✓ Đã chọn: Đồng ý", card.GetProperty("body")[1].GetProperty("text").GetString());
        Assert.StartsWith("Bearer connector-token-", Connector.Authorizations.Last(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_NotActionExecute_Is400WithAnErrorBody_OtherInvokes_Are501()
    {
        var chat = Chat();

        var submit = await chat.PostAsync(chat.Activity(ActivityTypes.Invoke, a =>
        {
            a.Name = "adaptiveCard/action";
            a.Value = JsonSerializer.SerializeToElement(new { action = new { type = "Action.Submit" } });
        }));
        var other = await chat.PostAsync(chat.Activity(ActivityTypes.Invoke, a => a.Name = "task/fetch"));

        Assert.Equal(HttpStatusCode.BadRequest, submit.StatusCode);
        using var body = JsonDocument.Parse(await submit.Content.ReadAsStringAsync());
        Assert.Equal("application/vnd.microsoft.error", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("NotSupported", body.RootElement.GetProperty("value").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotImplemented, other.StatusCode);
        Assert.Empty(chat.Sent());
    }

    [Fact]
    public async Task CitizenSurvey_WholeWalkByCardClicks_IsSubmittedToTheScoringCore()
    {
        var chat = Chat();
        await chat.SayAsync("khảo sát cam-vu");

        // Every question offers buttons (the optional texts a "Bỏ qua"); the first button is always a valid answer, and at the summary it is "Gửi".
        for (var clicks = 0; chat.Sent()[^1].TryGetProperty("attachments", out _); clicks++)
        {
            Assert.True(clicks < 15, "The survey should end within 15 clicks.");
            var response = await chat.ExecuteAsync(Data(chat.LastCard(), 0));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Contains("Xin trân trọng cảm ơn", chat.Sent()[^1].GetProperty("text").GetString(), StringComparison.Ordinal);
        await Surveys.EventuallyAsync(async () => await Core.ResponsesAsync("cam-vu") == 1, "the response at the scoring core");
    }

    private static JsonElement Data(JsonElement card, int button) => card.GetProperty("actions")[button].GetProperty("data").Clone();
}
