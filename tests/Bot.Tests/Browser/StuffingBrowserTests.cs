namespace Bot.Tests.Browser;

/// <summary>Stuffing the open desk link, in a year like today's: its forms are the commune's feedback, never A1.</summary>
[Collection(RedisTests.Name)]
public sealed class StuffingBrowserTests(RedisServer redis) : BotTestBase(redis)
{
    [Fact]
    public async Task OpenLinkStuffing_ByDefault_CountsNothingInA1()
    {
        var outcomes = await Stuffing.RunAsync(Bot);

        Assert.Equal(Stuffing.Outcomes, outcomes);
        var a1 = await Stuffing.A1WhenDeliveredAsync(Core, forms: 4);
        Assert.Equal(0, a1.GetProperty("responses").GetInt32());
        Assert.Equal(4, a1.GetProperty("feedback").GetInt32());
    }
}
