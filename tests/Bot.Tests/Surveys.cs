using System.Net.Http.Json;

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

    /// <summary>
    /// A citizen survey from a per-case invitation, the counted path: the one-stop software's call
    /// for the case, then "khảo sát &lt;code&gt;" typed in the chat.
    /// </summary>
    public static async Task CompleteInvitedCitizenAsync(BotApp bot, Conversation conversation, string communeId, string caseCode, string visitedAt = "2026-11-24T08:40:00+07:00")
    {
        var code = await InviteAsync(bot, communeId, caseCode, visitedAt);
        await conversation.SayAsync($"khảo sát {code}");
        foreach (var answer in CitizenAnswers)
        {
            await conversation.SayAsync(answer);
        }
        var thanks = await conversation.SayAsync("gửi");
        Assert.Contains("Xin trân trọng cảm ơn", thanks[0].Text, StringComparison.Ordinal);
    }

    /// <summary>An invitation for one case, as the one-stop software asks for it; returns its code.</summary>
    public static async Task<string> InviteAsync(BotApp bot, string communeId, string caseCode, string visitedAt = "2026-11-24T08:40:00+07:00") =>
        (await IssueAsync(bot, communeId, caseCode, visitedAt)).GetProperty("code").GetString()!;

    /// <summary>The address of a case's invitation page, as the one-stop software gets it.</summary>
    public static async Task<Uri> InvitationPageAsync(BotApp bot, string communeId, string caseCode, string visitedAt = "2026-11-24T08:40:00+07:00") =>
        new((await IssueAsync(bot, communeId, caseCode, visitedAt)).GetProperty("url").GetString()!);

    private static async Task<System.Text.Json.JsonElement> IssueAsync(BotApp bot, string communeId, string caseCode, string visitedAt)
    {
        var response = await Invitations(bot).PostAsJsonAsync("/api/v1/survey-invitations", new { form = "citizen", communeId, caseCode, visitedAt });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
    }

    /// <summary>
    /// A survey page (the open link's or an invitation's, "/s/" + <paramref name="link"/>) opening its
    /// conversation, on a browser that presents a device token or none yet: the conversation, its device token and stamp.
    /// </summary>
    public static async Task<System.Text.Json.JsonElement> OpenPageAsync(BotApp bot, string link, string? device)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/s/{link}/conversations");
        if (device is not null)
        {
            request.Headers.Add("X-Survey-Device", device);
        }
        var response = await bot.CreateClient().SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
    }

    /// <summary>A client with the integration key (SurveyLinks:AdminKey serves unless Invitations:IntegrationKey is set).</summary>
    public static HttpClient Invitations(BotApp bot)
    {
        var client = bot.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", BotApp.AdminKey);
        return client;
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
