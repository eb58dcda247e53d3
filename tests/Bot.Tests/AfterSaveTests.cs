using System.Net.Http.Json;
using System.Text.Json;
using Bot.Activities;
using Bot.People;
using Bot.Staff.Enrolment;
using Bot.Tests.Staff;
using Bot.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests;

/// <summary>
/// Side effects after the save (issue 16 §3), tested as deployed: two instances of the bot on one
/// Redis. While instance A runs a staff turn, another message of the same conversation lands on
/// instance B and is saved first, so A loses the compare-and-swap and runs its turn again. The
/// write the turn decided on (redeeming a code, a decision to the scoring core) happens once, after
/// the save, and the person is told what it did, not what a rerun found afterwards.
/// </summary>
[Collection(RedisTests.Name)]
[Trait(RedisTests.StoreTrait, RedisTests.OnCluster)]
public sealed class AfterSaveTests(RedisServer redis) : BotTestBase(redis)
{
    /// <summary>Runs the bot; on the first run of a turn whose text starts with <paramref name="prefix"/>, lets another instance save in between.</summary>
    private sealed class Interleaving(ITurnHandler inner, string prefix, Func<Task> between) : ITurnHandler
    {
        public int Runs { get; private set; }

        public async Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
        {
            await inner.OnTurnAsync(turn, cancellationToken);
            if (turn.Activity.Text?.StartsWith(prefix, StringComparison.Ordinal) == true && Runs++ == 0)
            {
                await between();
            }
        }
    }

    /// <summary>Instance A with the interleaving handler; B is a second bot on the same Redis and prefix.</summary>
    private (BotApp A, BotApp B, Func<Interleaving> Handler) TwoInstances(string prefix, Func<BotApp, Task> onB)
    {
        var b = new BotApp(Redis, Core, Bot.KeyPrefix, Bot.Clock);
        Interleaving? handler = null;
        Bot.TestServices = services => services.AddSingleton<ITurnHandler>(provider =>
            handler = new Interleaving(ActivatorUtilities.CreateInstance<TurnRouter>(provider), prefix, () => onB(b)));
        return (Bot, b, () => handler!);
    }

    /// <summary>The same conversation's next message, answered by the other instance first.</summary>
    private static async Task TheSameConversationSays(BotApp other, Conversation onA, string text)
    {
        var onB = new Conversation(other.CreateClient(), "webchat", onA.Id) { UserId = onA.UserId };
        await onB.SayAsync(text);
    }

    [Fact]
    public async Task Enrolment_WhoseTurnIsRerun_EnrolsOnce_AndSaysSo()
    {
        Conversation? onA = null;
        var (a, b, handler) = TwoInstances("đăng ký", other => TheSameConversationSays(other, onA!, "tôi là ai"));
        await using var _ = b;
        onA = a.Conversation("webchat");
        var code = await StaffPeople.CodeAsync(a, StaffRole.Appraiser, "hd");

        var replies = await onA.SayAsync("đăng ký " + code);

        Assert.Equal(2, handler().Runs);
        Assert.Contains("đăng ký thành công", replies.Single().Text, StringComparison.Ordinal);
        var people = await a.Services.GetRequiredService<EnrolmentStore>().AllAsync();
        Assert.Single(people, p => p.Role == StaffRole.Appraiser);
        Assert.Contains("cán bộ thẩm định", (await onA.SayAsync("tôi là ai")).Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recognition_WhoseTurnIsRerun_IsSentOnce()
    {
        var items = StaffPeople.FullMarks;
        await StaffPeople.SubmittedAsync(Core, "cam-vu");
        (await Core.Api().PutAsJsonAsync("/api/v1/communes/cam-vu/years/2026/appraisal", new { items, reasons = new Dictionary<string, string>(), appraisedBy = "Phòng Nội vụ" })).EnsureSuccessStatusCode();
        Conversation? onA = null;
        var (a, b, handler) = TwoInstances("công nhận", other => TheSameConversationSays(other, onA!, "tôi là ai"));
        await using var _ = b;
        onA = await StaffPeople.EnrolledAsync(a, StaffRole.Appraiser, "hd");

        var replies = await onA.SayAsync("công nhận Cẩm Vũ 16/QĐ-UBND 20/11/2026");

        Assert.Equal(2, handler().Runs);
        Assert.Contains("Đã ghi quyết định 16/QĐ-UBND", replies.Single().Text, StringComparison.Ordinal);
        var history = await Core.Api().GetFromJsonAsync<JsonElement>("/api/v1/communes/cam-vu/years/2026/history");
        Assert.Single(history.EnumerateArray(), h => h.GetProperty("change").GetString() == "recognition");
    }

    [Fact]
    public async Task SelfScore_WhoseTurnIsRerun_WritesTheDraftOnce()
    {
        Conversation? onA = null;
        var (a, b, handler) = TwoInstances("1 - ", other => TheSameConversationSays(other, onA!, "tôi là ai"));
        await using var _ = b;
        onA = await StaffPeople.EnrolledAsync(a, StaffRole.Staff, "cam-vu");
        await onA.SayAsync("tự chấm điểm");

        var replies = await onA.SayAsync("1 - Biên bản số 1");

        Assert.Equal(2, handler().Runs);
        Assert.StartsWith("Mục 1.1.b", replies.Single().Text, StringComparison.Ordinal);
        var history = await Core.Api().GetFromJsonAsync<JsonElement>("/api/v1/communes/cam-vu/years/2026/history");
        Assert.Single(history.EnumerateArray(), h => h.GetProperty("change").GetString() == "self-assessment-draft");
    }

    [Fact]
    public async Task Appraisal_WhoseLastTurnIsRerun_IsWrittenOnce_AndItsTotalSaidOnce()
    {
        await StaffPeople.SubmittedAsync(Core, "cam-vu");
        Conversation? onA = null;
        var (a, b, handler) = TwoInstances("đồng ý tất cả", other => TheSameConversationSays(other, onA!, "tôi là ai"));
        await using var _ = b;
        onA = await StaffPeople.EnrolledAsync(a, StaffRole.Appraiser, "hd");
        await onA.SayAsync("thẩm định Cẩm Vũ");

        var replies = await onA.SayAsync("đồng ý tất cả");

        Assert.Equal(2, handler().Runs);
        Assert.StartsWith("Đã thẩm định xong xã Cẩm Vũ", replies.Single().Text, StringComparison.Ordinal);
        var history = await Core.Api().GetFromJsonAsync<JsonElement>("/api/v1/communes/cam-vu/years/2026/history");
        Assert.Single(history.EnumerateArray(), h => h.GetProperty("change").GetString() == "appraisal");
    }

    [Fact]
    public async Task SameEnrolmentDeliveredToBothInstancesAtOnce_IsAnsweredOnce_AndRedeemedOnce()
    {
        await using var b = new BotApp(Redis, Core, Bot.KeyPrefix, Bot.Clock);
        var codes = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            codes.Add(await StaffPeople.CodeAsync(Bot, StaffRole.Staff, "cam-vu"));
        }

        // Ten enrolments, each one activity (same id) delivered to both instances at the same moment,
        // as a channel retrying after a timeout would; each in a new conversation of its own user.
        var answers = new List<string?>();
        foreach (var code in codes)
        {
            var a = Bot.Conversation("webchat");
            var bSide = new Conversation(b.CreateClient(), "webchat", a.Id) { UserId = a.UserId };
            var activity = a.Activity(ActivityTypes.Message, $"{a.Id}|enrol", x => x.Text = "đăng ký " + code);
            var both = await Task.WhenAll(a.PostAsync(activity), bSide.PostAsync(activity));
            answers.AddRange(both.SelectMany(r => r).Select(r => r.Text));
        }

        Assert.Equal(10, answers.Count);
        Assert.All(answers, text => Assert.Contains("đăng ký thành công", text, StringComparison.Ordinal));
        var people = await Bot.Services.GetRequiredService<EnrolmentStore>().AllAsync();
        Assert.Equal(10, people.Count(p => p.Role == StaffRole.Staff));
    }
}
