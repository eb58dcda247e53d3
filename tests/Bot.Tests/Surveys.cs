namespace Bot.Tests;

/// <summary>Shortcuts through a whole survey, for tests about what happens around one.</summary>
public static class Surveys
{
    public static readonly string[] CitizenAnswers = ["đồng ý", "1", "2", "1", "1", "3", "bỏ qua", "bỏ qua", "bỏ qua"];

    public static async Task CompleteCitizenAsync(Conversation conversation, string communeId)
    {
        await conversation.StartSurveyAsync("citizen", communeId);
        foreach (var answer in CitizenAnswers)
        {
            await conversation.SayAsync(answer);
        }
        var thanks = await conversation.SayAsync("gửi");
        Assert.Contains("Xin trân trọng cảm ơn", thanks[0].Text, StringComparison.Ordinal);
    }

    /// <summary>Waits until <paramref name="condition"/> holds, checking every 20 ms, for at most <paramref name="seconds"/>.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(20);
        }
    }
}
