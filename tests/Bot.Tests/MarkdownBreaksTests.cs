using Bot.Activities;
using Bot.People;
using Bot.Tests.Staff;

namespace Bot.Tests;

/// <summary>Clients that read Markdown (Web Chat, Teams) keep a list's lines apart; Zalo gets the text as typed.</summary>
[Collection(RedisTests.Name)]
public sealed class MarkdownBreaksTests(RedisServer redis) : BotTestBase(redis)
{
    [Theory]
    [InlineData("webchat", "a\nb", "a  \nb")]
    [InlineData("msteams", "a  \nb\nc", "a  \nb  \nc")]
    [InlineData("zalo", "a\nb", "a\nb")]
    [InlineData("webchat", "one line", "one line")]
    public void Apply_GivesHardBreaksWhereMarkdownIsRead(string channel, string text, string expected) =>
        Assert.Equal(expected, MarkdownBreaks.Apply(new Activity { ChannelId = channel, Text = text }).Text);

    [Fact]
    public async Task HelpList_OnWebChat_HasHardBreaksOnTheWire_AndOnZaloPlainOnes()
    {
        var web = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd", "webchat");
        var zalo = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd", "zalo");

        await web.SayAsync("trợ giúp");
        await zalo.SayAsync("trợ giúp");

        var onWeb = web.LastWire.Single()!;
        var onZalo = zalo.LastWire.Single()!;
        Assert.Contains("  \n• “thẩm định <xã>”", onWeb, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", onWeb.Replace("  \n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("\n• “thẩm định <xã>”", onZalo, StringComparison.Ordinal);
        Assert.DoesNotContain("  \n", onZalo, StringComparison.Ordinal);
    }
}
