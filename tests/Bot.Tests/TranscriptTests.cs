namespace Bot.Tests;

/// <summary>Every transcript under Transcripts/, each in a new conversation against the real bot, core and Redis.</summary>
[Collection(RedisTests.Name)]
public sealed class TranscriptTests(RedisServer redis) : IAsyncLifetime
{
    private CoreApp _core = null!;
    private BotApp _bot = null!;

    public static TheoryData<string> Transcripts()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Transcripts"), "*.transcript").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    public async Task InitializeAsync()
    {
        _core = new CoreApp(redis);
        await _core.SeedAsync();
        _bot = new BotApp(redis, _core);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _core.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Transcripts))]
    public async Task Transcript_RunsAsWritten(string file)
    {
        await TranscriptRunner.RunAsync(file, _bot.Conversation(), _bot.Clock);
    }
}
