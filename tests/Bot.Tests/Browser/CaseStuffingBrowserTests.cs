using System.Net.Http.Json;
using System.Text.Json;

namespace Bot.Tests.Browser;

/// <summary>
/// Desk staff inventing case codes and answering each case's invitation page on the desk's tablet,
/// in real Chromium: every attempt is thanked (nothing tells the person at the tablet), but only the
/// tablet's first case counts; the others wait for the appraiser. A citizen's own phone counts.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class CaseStuffingBrowserTests(RedisServer redis) : BotTestBase(redis)
{
    private async Task<string> InvitationUrlAsync(Uri baseUrl, string caseCode) =>
        new Uri(baseUrl, (await Surveys.InvitationPageAsync(Bot, "cam-vu", caseCode)).AbsolutePath.TrimStart('/')).ToString();

    [Fact]
    public async Task InventedCasesOnOneTablet_OnlyTheFirstCounts_TheRestAreHeld()
    {
        var baseUrl = Bot.StartOnLoopback();
        string[] tabletUrls = [await InvitationUrlAsync(baseUrl, "invented-1"), await InvitationUrlAsync(baseUrl, "invented-2"), await InvitationUrlAsync(baseUrl, "invented-3")];

        var result = await NodeScript.RunAsync("page-cases.mjs", new { tabletUrls, phoneUrl = await InvitationUrlAsync(baseUrl, "real-case") });

        Assert.Equal(["thanked", "thanked", "thanked", "thanked"], result.GetProperty("outcomes").EnumerateArray().Select(o => o.GetString()));
        await Surveys.EventuallyAsync(async () => await Core.ResponsesAsync("cam-vu") == 4, "the four forms to reach the core");
        var a1 = (await Core.Api().GetFromJsonAsync<JsonElement>("/api/v1/communes/cam-vu/years/2026/scorecard")).GetProperty("a1");
        Assert.Equal(2, a1.GetProperty("responses").GetInt32());
        Assert.Equal(2, a1.GetProperty("held").GetInt32());
    }
}
