using System.Text.Json;

namespace Bot.Tests.DirectLine;

/// <summary>A whole citizen survey over Direct Line, answered the way a person taps: always the first button.</summary>
public static class DirectLineSurvey
{
    public const string Thanks = "Xin trân trọng cảm ơn";

    public static bool AskedOrThanked(IReadOnlyList<JsonElement> replies) =>
        replies.Count > 0 && (DirectLineClient.Buttons(replies[^1]).Count > 0 || DirectLineClient.Text(replies[^1]).Contains(Thanks, StringComparison.Ordinal));

    /// <summary>Taps buttons until the thanks; returns how many answers were sent.</summary>
    public static async Task<int> TapThroughAsync(DirectLineClient client, IReadOnlyList<JsonElement> firstReplies)
    {
        var replies = firstReplies;
        var taps = 0;
        while (!DirectLineClient.Text(replies[^1]).Contains(Thanks, StringComparison.Ordinal))
        {
            Assert.True(++taps < 20, "The survey did not end after 20 answers.");
            await client.SayAsync(DirectLineClient.Buttons(replies[^1])[0].Value);
            replies = await client.BotRepliesAsync(AskedOrThanked);
        }
        return taps;
    }
}
