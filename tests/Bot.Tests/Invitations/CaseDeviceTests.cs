using System.Net.Http.Json;
using System.Text.Json;
using Bot.People;
using Bot.Tests.Staff;

namespace Bot.Tests.Invitations;

/// <summary>
/// One person answers for their own case: a device (the invitation page's token) or a chat account
/// that answers for a second case of the commune has that form held for the appraiser, so desk
/// staff who invent case codes and answer them on one tablet do not raise A1 by themselves.
/// </summary>
[Collection(RedisTests.Name)]
[Trait(RedisTests.StoreTrait, RedisTests.OnCluster)]
public sealed class CaseDeviceTests(RedisServer redis) : BotTestBase(redis)
{
    private async Task<JsonElement> A1Async() =>
        (await Core.Api().GetFromJsonAsync<JsonElement>("/api/v1/communes/cam-vu/years/2026/scorecard")).GetProperty("a1");

    private async Task<string> InvitationLinkAsync(string caseCode) =>
        (await Surveys.InvitationPageAsync(Bot, "cam-vu", caseCode)).AbsolutePath["/s/".Length..];

    private async Task<(string Device, string Stamp)> OpenPageAsync(string link, string? device)
    {
        var page = await Surveys.OpenPageAsync(Bot, link, device);
        return (page.GetProperty("device").GetString()!, page.GetProperty("stamp").GetString()!);
    }

    private static async Task AnswerAsync(Conversation conversation, IReadOnlyList<Bot.Activities.Activity> greeting)
    {
        Assert.Contains("xã Cẩm Vũ", greeting[0].Text, StringComparison.Ordinal);
        foreach (var answer in Surveys.CitizenAnswers)
        {
            await conversation.SayAsync(answer);
        }
        Assert.Contains("Xin trân trọng cảm ơn", (await conversation.SayAsync("gửi"))[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InventedCasesAnsweredOnOneTablet_AfterTheFirstAreHeld_ACitizensOwnPhoneCounts()
    {
        string? tablet = null;
        foreach (var caseCode in new[] { "case-tablet-1", "case-tablet-2", "case-tablet-3" })
        {
            var link = await InvitationLinkAsync(caseCode);
            var (device, stamp) = await OpenPageAsync(link, tablet);
            tablet = device;
            var conversation = Bot.Conversation();
            await AnswerAsync(conversation, await conversation.StartWithLinkAsync(link, stamp));
        }
        var phoneLink = await InvitationLinkAsync("case-phone");
        var phone = Bot.Conversation();
        await AnswerAsync(phone, await phone.StartWithLinkAsync(phoneLink, (await OpenPageAsync(phoneLink, null)).Stamp));

        await Surveys.EventuallyAsync(async () => await Core.ResponsesAsync("cam-vu") == 4, "the four forms to reach the core");
        var a1 = await A1Async();
        Assert.Equal(2, a1.GetProperty("responses").GetInt32());
        Assert.Equal(2, a1.GetProperty("held").GetInt32());
        var held = await Core.Api().GetFromJsonAsync<JsonElement>("/api/v1/communes/cam-vu/years/2026/survey-forms?standing=held");
        Assert.All(held.EnumerateArray(), f => Assert.Equal("device-cases", f.GetProperty("reasons")[0].GetString()));
    }

    [Fact]
    public async Task OneChatAccountAnsweringTwoCases_TheSecondIsHeld()
    {
        var zalo = Bot.Conversation("zalo");
        await Surveys.CompleteInvitedCitizenAsync(Bot, zalo, "cam-vu", "case-zalo-1");
        await Surveys.CompleteInvitedCitizenAsync(Bot, zalo, "cam-vu", "case-zalo-2");
        await Surveys.CompleteInvitedCitizenAsync(Bot, Bot.Conversation("zalo"), "cam-vu", "case-zalo-3");

        await Surveys.EventuallyAsync(async () => await Core.ResponsesAsync("cam-vu") == 3, "the three forms to reach the core");
        var a1 = await A1Async();
        Assert.Equal(2, a1.GetProperty("responses").GetInt32());
        Assert.Equal(1, a1.GetProperty("held").GetInt32());

        // The appraiser sees why, and the visit to find the case by; a citizen with two procedures is counted.
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");
        var list = (await appraiser.SayAsync("phiếu chờ xét Cẩm Vũ")).Single().Text!.Split('\n');
        Assert.Contains(list, l => l.StartsWith("1. phiếu người dân của hồ sơ tiếp nhận lúc 08:40 24/11, gửi lúc", StringComparison.Ordinal)
            && l.EndsWith("giữ lại vì: cùng một thiết bị (hoặc tài khoản) đã trả lời phiếu cho một hồ sơ khác của xã", StringComparison.Ordinal));
        await appraiser.SayAsync("tính phiếu 1 Đã gọi điện: người dân có hai hồ sơ trong tuần");
        Assert.Equal(3, (await A1Async()).GetProperty("responses").GetInt32());
    }
}
