using System.Net.Http.Json;
using System.Text.Json;

namespace Bot.Tests.Browser;

/// <summary>
/// Stuffing the open desk link in a year whose scheme counts open forms (and sets no minimum
/// time, so the device and burst rules are what is tested): one form counts, the rest wait for an appraiser.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class StuffingInACountingYearBrowserTests : BotTestBase, IDisposable
{
    private readonly DialogsCopy _scheme;

    public StuffingInACountingYearBrowserTests(RedisServer redis)
        : this(redis, DialogsCopy.CountingOpenForms(2026).Edit("scheme/scheme.json", json => json.Replace("\"minimumSecondsPerForm\": 40", "\"minimumSecondsPerForm\": 0", StringComparison.Ordinal)))
    {
    }

    private StuffingInACountingYearBrowserTests(RedisServer redis, DialogsCopy scheme) : base(redis)
    {
        _scheme = scheme;
        DialogsDirectory = scheme.Path;
    }

    public void Dispose() => _scheme.Dispose();

    [Fact]
    public async Task OpenLinkStuffing_CountsOneForm_AndHoldsTheRestWithReasons()
    {
        var outcomes = await Stuffing.RunAsync(Bot);

        Assert.Equal(Stuffing.Outcomes, outcomes);
        var a1 = await Stuffing.A1WhenDeliveredAsync(Core, forms: 4);
        // The first form counts; the fresh profiles from the same address repeat its answers and come in a burst.
        Assert.Equal(1, a1.GetProperty("responses").GetInt32());
        Assert.Equal(3, a1.GetProperty("held").GetInt32());
        var held = await Core.Api().GetFromJsonAsync<JsonElement>("/api/v1/communes/cam-vu/years/2026/survey-forms?standing=held");
        Assert.All(held.EnumerateArray(), f => Assert.NotEmpty(f.GetProperty("reasons").EnumerateArray()));
    }
}
