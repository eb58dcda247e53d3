namespace Bot.Tests;

/// <summary>Every transcript under Transcripts/, each in a new conversation against the real bot, core and Redis.</summary>
[Collection(RedisTests.Name)]
public sealed class TranscriptTests(RedisServer redis) : BotTestBase(redis)
{
    public static TheoryData<string> Transcripts()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Transcripts"), "*.transcript").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Transcripts))]
    public async Task Transcript_RunsAsWritten(string file)
    {
        await TranscriptRunner.RunAsync(file, Bot.Conversation(), Bot.Clock, Bot);
    }
}
