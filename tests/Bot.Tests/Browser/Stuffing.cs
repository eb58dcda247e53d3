using System.Net.Http.Json;
using System.Text.Json;
using Bot.Surveys;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Browser;

/// <summary>
/// The stuffing the issue found, done again in real Chromium: six forms through Cẩm Vũ's open
/// desk link from one browser and one address (three tabs of one profile, then three fresh profiles).
/// </summary>
public static class Stuffing
{
    /// <summary>What each of the six attempts was told at the end: "thanked" or "declined".</summary>
    public static async Task<List<string>> RunAsync(BotApp bot)
    {
        var baseUrl = bot.StartOnLoopback();
        var link = bot.Services.GetRequiredService<SurveyLinks>().Make("citizen", "cam-vu").Path;
        var result = await NodeScript.RunAsync("page-stuffing.mjs", new { url = $"{baseUrl}s/{link}", tabs = 3, freshProfiles = 3 });
        return result.GetProperty("outcomes").EnumerateArray().Select(o => o.GetProperty("outcome").GetString()!).ToList();
    }

    /// <summary>Cẩm Vũ's A1 once <paramref name="forms"/> forms have reached the core.</summary>
    public static async Task<JsonElement> A1WhenDeliveredAsync(CoreApp core, int forms)
    {
        await Surveys.EventuallyAsync(async () => await core.ResponsesAsync("cam-vu") == forms, $"{forms} forms to reach the core");
        return (await core.Api().GetFromJsonAsync<JsonElement>("/api/v1/communes/cam-vu/years/2026/scorecard")).GetProperty("a1");
    }

    /// <summary>The first tab is thanked; the other tabs are the same device and are told they already gave; each fresh profile is thanked.</summary>
    public static readonly string[] Outcomes = ["thanked", "declined", "declined", "thanked", "thanked", "thanked"];
}
