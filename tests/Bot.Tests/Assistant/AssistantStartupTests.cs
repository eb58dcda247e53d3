namespace Bot.Tests.Assistant;

/// <summary>The index is built as the bot starts: a source text that is missing stops the boot, naming the file.</summary>
[Collection(RedisTests.Name)]
public sealed class AssistantStartupTests(RedisServer redis) : BotTestBase(redis)
{
    [Fact]
    public async Task Start_WithASourceTextMissing_FailsAtBoot()
    {
        using var dialogs = new DialogsCopy(Scoring.Loading.SchemeLoader.DefaultDirectory);
        File.Delete(Path.Combine(dialogs.Path, "sources", "bon-xin-bon-luon.txt"));
        await using var bot = new BotApp(Redis, Core);
        bot.Settings["Bot:DialogsDirectory"] = dialogs.Path;

        var error = Assert.ThrowsAny<Exception>(() => bot.CreateClient());

        Assert.Contains("bon-xin-bon-luon.txt", error.ToString(), StringComparison.Ordinal);
    }
}
