namespace Bot.Tests.Assistant;

/// <summary>The index is built as the bot starts: a source text that is missing stops the boot, naming the file.</summary>
[Collection(RedisTests.Name)]
public sealed class AssistantStartupTests(RedisServer redis) : BotTestBase(redis)
{
    [Fact]
    public async Task Start_WithASourceTextMissing_FailsAtBoot()
    {
        var dialogs = Path.Combine(Path.GetTempPath(), "dialogs-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(Scoring.Loading.SchemeLoader.DefaultDirectory, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(dialogs, Path.GetRelativePath(Scoring.Loading.SchemeLoader.DefaultDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        File.Delete(Path.Combine(dialogs, "sources", "bon-xin-bon-luon.txt"));
        try
        {
            await using var bot = new BotApp(Redis, Core);
            bot.Settings["Bot:DialogsDirectory"] = dialogs;

            var error = Assert.ThrowsAny<Exception>(() => bot.CreateClient());

            Assert.Contains("bon-xin-bon-luon.txt", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dialogs, recursive: true);
        }
    }
}
