using System.Text.Json;
using Bot.Surveys;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Invitations;

/// <summary>
/// The open desk page remembers its device: a signed token it keeps, and a stamp of device and
/// address for each conversation. New tabs of one browser are one respondent; forged tokens and
/// stamps count for nothing.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class OpenPageDeviceTests(RedisServer redis) : BotTestBase(redis)
{
    private string Link => Bot.Services.GetRequiredService<SurveyLinks>().Make("citizen", "cam-vu").Path;

    private Task<JsonElement> StartPageAsync(string? device) => Surveys.OpenPageAsync(Bot, Link, device);

    [Fact]
    public async Task PageConversation_KeepsAGenuineDevice_RenewsAForgedOne()
    {
        var first = await StartPageAsync(null);
        var device = first.GetProperty("device").GetString()!;

        var kept = await StartPageAsync(device);
        var forged = await StartPageAsync(device[..^2] + "zz");

        Assert.Equal(device, kept.GetProperty("device").GetString());
        Assert.Equal(first.GetProperty("stamp").GetString(), kept.GetProperty("stamp").GetString());
        Assert.NotEqual(device, forged.GetProperty("device").GetString());
        Assert.NotEqual(first.GetProperty("stamp").GetString(), forged.GetProperty("stamp").GetString());
    }

    [Fact]
    public async Task SecondTabOfOneDevice_IsDeclinedPolitely_AFreshProfileIsAnotherRespondent()
    {
        var stamp = (await StartPageAsync(null)).GetProperty("stamp").GetString();
        var firstTab = Bot.Conversation();
        await firstTab.StartWithLinkAsync(Link, stamp);
        foreach (var answer in Surveys.CitizenAnswers)
        {
            await firstTab.SayAsync(answer);
        }
        await firstTab.SayAsync("gửi");

        var secondTab = await Bot.Conversation().StartWithLinkAsync(Link, stamp);
        var freshProfile = await Bot.Conversation().StartWithLinkAsync(Link, (await StartPageAsync(null)).GetProperty("stamp").GetString());
        var forgedStamp = await Bot.Conversation().StartWithLinkAsync(Link, stamp![..^3] + "abc");

        Assert.Contains("Ông/Bà đã gửi phiếu khảo sát cho xã Cẩm Vũ trong năm 2026 rồi", secondTab[0].Text, StringComparison.Ordinal);
        Assert.Contains("xã Cẩm Vũ", freshProfile[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("rồi", freshProfile[0].Text, StringComparison.Ordinal);
        // A forged stamp is ignored: the chat user is the respondent, and the form carries no device or address.
        Assert.DoesNotContain("rồi", forgedStamp[0].Text, StringComparison.Ordinal);
    }
}
