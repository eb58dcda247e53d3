using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bot.Surveys;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Invitations;

/// <summary>
/// A citizen's invitation in chat and on its page: it counts in A1 once, whatever the channel,
/// the tab or the person; tampered, unknown, expired, used and other communes' codes are refused politely.
/// </summary>
[Collection(RedisTests.Name)]
[Trait(RedisTests.StoreTrait, RedisTests.OnCluster)]
public sealed class InvitationSurveyTests(RedisServer redis) : BotTestBase(redis)
{
    private async Task<JsonElement> A1Async(string commune = "cam-vu") =>
        (await Core.Api().GetFromJsonAsync<JsonElement>($"/api/v1/communes/{commune}/years/2026/scorecard")).GetProperty("a1");

    private async Task<JsonElement> FormsAsync(string commune = "cam-vu") =>
        await Core.Api().GetFromJsonAsync<JsonElement>($"/api/v1/communes/{commune}/years/2026/survey-forms");

    [Theory]
    [InlineData("directline", "khảo sát {0}")]
    [InlineData("msteams", "Khảo sát {0}")]
    [InlineData("zalo", "khao sat {0}")]
    public async Task TypedCode_OnAnyChannel_StartsTheSurvey_AndTheFormCountsInA1WithTheCaseHash(string channel, string command)
    {
        var code = await Surveys.InviteAsync(Bot, "cam-vu", "000.00.25.H23-241126-0001");
        var conversation = Bot.Conversation(channel);

        // Typed as people type it: lower case, without the dash.
        var replies = await conversation.SayAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, command, code.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal)));

        Assert.Contains("xã Cẩm Vũ", replies[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("không dùng để chấm điểm", Conversation.Texts(replies), StringComparison.Ordinal);
        // On Teams the consent and its buttons are an Adaptive Card.
        Assert.Contains("Câu trả lời chỉ dùng để chấm điểm xã năm 2026", string.Join("\n", replies.Select(r => r.Text + "\n" + Conversation.CardText(r))), StringComparison.Ordinal);
        foreach (var answer in Surveys.CitizenAnswers)
        {
            await conversation.SayAsync(answer);
        }
        Assert.Contains("Xin trân trọng cảm ơn", (await conversation.SayAsync("gửi"))[0].Text, StringComparison.Ordinal);
        await Surveys.EventuallyAsync(async () => (await A1Async()).GetProperty("responses").GetInt32() == 1, "the form to count in A1");
        Assert.Equal(7.5m, (await A1Async()).GetProperty("score").GetDecimal());
        var form = (await FormsAsync())[0];
        Assert.Equal("invitation", form.GetProperty("source").GetString());
        // The core keeps a keyed hash of the case, never the case code itself.
        Assert.StartsWith("c-", form.GetProperty("reference").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("H23", form.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{0}")]
    [InlineData("mã {0} ạ")]
    [InlineData("khảo sát {0} ạ")]
    public async Task TheCodeSentOnItsOwnOrPolitely_StartsTheSurvey(string message)
    {
        var code = await Surveys.InviteAsync(Bot, "cam-vu", "000.00.25.H23-241126-0002");

        var replies = await Bot.Conversation("zalo").SayAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, message, code));

        Assert.Contains("Xin cảm ơn Ông/Bà đã đến làm thủ tục tại xã Cẩm Vũ", replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskedWhereTheCodeIs_OnAnInvitedForm_IsToldItAlreadyHasOne_AndAskedTheSameQuestionAgain()
    {
        var code = await Surveys.InviteAsync(Bot, "cam-vu", "000.00.25.H23-241126-0003");
        var conversation = Bot.Conversation("zalo");
        await conversation.SayAsync($"khảo sát {code}");
        await conversation.SayAsync("đồng ý");

        var replies = await conversation.SayAsync("mã khảo sát gõ ở đâu?");

        Assert.Equal(2, replies.Count);
        Assert.StartsWith("Dạ, phiếu này đã theo mã khảo sát của Ông/Bà", replies[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("Câu 1/5:", replies[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsedInvitation_IsThankedAndRefused_InAnotherConversationAndAfterRestart()
    {
        var code = await Surveys.InviteAsync(Bot, "cam-vu", "case-used");
        var first = Bot.Conversation();
        await Surveys.CompleteInvitedCitizenAsync(Bot, first, "cam-vu", "case-used");

        var second = await Bot.Conversation().SayAsync($"khảo sát {code}");
        var restart = await first.SayAsync("bắt đầu lại");

        Assert.Contains("Phiếu khảo sát cho hồ sơ này đã được gửi rồi", second[0].Text, StringComparison.Ordinal);
        Assert.Contains("đã được gửi rồi", restart[0].Text, StringComparison.Ordinal);
        await Surveys.EventuallyAsync(async () => await Core.ResponsesAsync("cam-vu") == 1, "the form to reach the core");
        Assert.Equal(1, (await A1Async()).GetProperty("responses").GetInt32());
    }

    [Fact]
    public async Task TwoTabsFinishingOneInvitationAtOnce_CountOnce_AndTheSecondIsToldTheTruth()
    {
        var code = await Surveys.InviteAsync(Bot, "cam-vu", "case-two-tabs");
        var tabs = new[] { Bot.Conversation(), Bot.Conversation() };
        foreach (var tab in tabs)
        {
            await tab.SayAsync($"khảo sát {code}");
            foreach (var answer in Surveys.CitizenAnswers)
            {
                await tab.SayAsync(answer);
            }
        }

        var sent = await Task.WhenAll(tabs.Select(t => t.SayAsync("gửi")));

        var texts = sent.Select(r => r[0].Text!).ToList();
        Assert.Single(texts, t => t.Contains("Xin trân trọng cảm ơn", StringComparison.Ordinal));
        Assert.Single(texts, t => t.Contains("đã được gửi rồi", StringComparison.Ordinal));
        await Surveys.EventuallyAsync(async () => (await A1Async()).GetProperty("responses").GetInt32() == 1, "one form to count");
        // The second form was never queued: one delivered, nothing waiting.
        var health = await Bot.CreateClient().GetFromJsonAsync<JsonElement>("/healthz");
        Assert.Equal(1, health.GetProperty("delivered").GetInt64());
        Assert.Equal(0, health.GetProperty("outbox").GetProperty("queued").GetInt64());
        Assert.Equal(0, health.GetProperty("outbox").GetProperty("inFlight").GetInt64());
        Assert.Equal(1, await Core.ResponsesAsync("cam-vu"));
    }

    [Fact]
    public async Task UnknownExpiredAndOtherCommunesCodes_AreRefusedPolitely_AndStartNothing()
    {
        var camVu = await Surveys.InviteAsync(Bot, "cam-vu", "case-cross");
        var links = Bot.Services.GetRequiredService<SurveyLinks>();

        var unknown = await Bot.Conversation().SayAsync("khảo sát ABCD-EFGH");
        // On Cẩm Bình's desk page, Cẩm Vũ's code is not taken.
        var page = Bot.Conversation();
        await page.StartWithLinkAsync(links.Make("citizen", "cam-binh").Path);
        var cross = await page.SayAsync($"khảo sát {camVu}");
        Bot.Clock.Now = Bot.Clock.Now.AddDays(30);
        var expired = await Bot.Conversation().SayAsync($"khảo sát {camVu}");

        Assert.Contains("mã khảo sát này không đúng", unknown[0].Text, StringComparison.Ordinal);
        Assert.Contains("là của xã Cẩm Vũ, không phải của xã Cẩm Bình", cross[0].Text, StringComparison.Ordinal);
        Assert.Contains("đã hết hạn", expired[0].Text, StringComparison.Ordinal);
        Assert.Single(expired);
    }

    [Fact]
    public async Task VisitOutsideTheWindow_IsTold_AndTheFormIsNotCounted()
    {
        var conversation = Bot.Conversation();
        var code = await Surveys.InviteAsync(Bot, "cam-vu", "case-early", visitedAt: "2026-11-20T08:40:00+07:00");

        var replies = await conversation.SayAsync($"khảo sát {code}");
        foreach (var answer in Surveys.CitizenAnswers)
        {
            await conversation.SayAsync(answer);
        }
        await conversation.SayAsync("gửi");

        Assert.Contains("không làm trong tuần khảo sát", replies[0].Text, StringComparison.Ordinal);
        await Surveys.EventuallyAsync(async () => (await A1Async()).GetProperty("outsideWindow").GetInt32() == 1, "the form to reach the core");
        Assert.Equal(0, (await A1Async()).GetProperty("responses").GetInt32());
    }

    [Fact]
    public async Task InvitationPage_OpensWithTheCommune_ItsQrCodeIsAPng_AndATamperedLinkIsRefused()
    {
        var issued = await (await Surveys.Invitations(Bot).PostAsJsonAsync("/api/v1/survey-invitations",
            new { form = "citizen", communeId = "cam-vu", caseCode = "case-page", visitedAt = "2026-11-24T08:40:00+07:00" })).Content.ReadFromJsonAsync<JsonElement>();
        var path = new Uri(issued.GetProperty("url").GetString()!).AbsolutePath;
        var client = Bot.CreateClient();
        var tampered = path[..^1] + (path[^1] == 'A' ? 'B' : 'A');
        var otherCode = path.Replace(issued.GetProperty("code").GetString()!, "ABCD-EFGH", StringComparison.Ordinal);

        var page = await client.GetAsync(path);
        var qr = await client.GetAsync(path + "/qr.png");
        var refused = await client.GetAsync(tampered);
        var refusedCode = await client.GetAsync(otherCode);
        var refusedStart = await client.PostAsync(tampered + "/conversations", null);
        var refusedQr = await client.GetAsync(tampered + "/qr.png");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Xã Cẩm Vũ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("không dùng để chấm điểm", html, StringComparison.Ordinal);
        Assert.Equal("image/png", qr.Content.Headers.ContentType?.MediaType);
        var png = await qr.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
        Assert.True(png.Length > 500, $"The QR code is only {png.Length} bytes.");
        foreach (var response in new[] { refused, refusedCode })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("mã khảo sát này không đúng hoặc đã bị thay đổi", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.NotFound, refusedStart.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, refusedQr.StatusCode);
    }

    [Fact]
    public async Task InvitationPageLink_StartsItsSurvey_AndAHandEditedOneStartsNothing()
    {
        var issued = await (await Surveys.Invitations(Bot).PostAsJsonAsync("/api/v1/survey-invitations",
            new { form = "citizen", communeId = "tu-minh", caseCode = "case-link", visitedAt = "2026-11-24T08:40:00+07:00" })).Content.ReadFromJsonAsync<JsonElement>();
        var link = new Uri(issued.GetProperty("url").GetString()!).AbsolutePath["/s/".Length..];

        var started = await Bot.Conversation().StartWithLinkAsync(link);
        var edited = Bot.Conversation();
        var refused = await edited.StartWithLinkAsync(link[..^2] + "xx");
        // Shared into a Zalo chat as a message, the page's address starts it there too.
        var shared = await Bot.Conversation("zalo").SayAsync("Anh xem giúp: " + issued.GetProperty("url").GetString());

        Assert.Contains("phường Tứ Minh", started[0].Text, StringComparison.Ordinal);
        Assert.Contains("mã khảo sát này không đúng", refused[0].Text, StringComparison.Ordinal);
        Assert.Contains("phường Tứ Minh", shared[0].Text, StringComparison.Ordinal);
        var afterRefusal = await edited.SayAsync("1");
        Assert.DoesNotContain("Câu 2/5", Conversation.Texts(afterRefusal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenLinkSurvey_TellsTheTruth_AndIsFeedbackNotA1()
    {
        var conversation = Bot.Conversation();
        var replies = await conversation.StartSurveyAsync("citizen", "cam-vu");
        // Started again from the top, it still says what the answers are for.
        var restarted = await conversation.SayAsync("bắt đầu lại");
        foreach (var answer in Surveys.CitizenAnswers)
        {
            await conversation.SayAsync(answer);
        }
        await conversation.SayAsync("gửi");

        Assert.Contains("không dùng để chấm điểm năm 2026", replies[0].Text, StringComparison.Ordinal);
        // The consent, a privacy notice, promises nothing the form will not be used for.
        foreach (var consent in new[] { replies, restarted }.Select(r => r.Single(a => a.Text!.StartsWith("Xin phép", StringComparison.Ordinal)).Text))
        {
            Assert.Contains("Câu trả lời chỉ dùng để chính quyền xã cải thiện việc phục vụ", consent, StringComparison.Ordinal);
            Assert.DoesNotContain("chấm điểm", consent, StringComparison.Ordinal);
        }
        await Surveys.EventuallyAsync(async () => (await A1Async()).GetProperty("feedback").GetInt32() == 1, "the form to reach the core as feedback");
        Assert.Equal(0, (await A1Async()).GetProperty("responses").GetInt32());
        Assert.Equal("open", (await FormsAsync())[0].GetProperty("source").GetString());
    }
}
