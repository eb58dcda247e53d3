extern alias core;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bot.People;
using Bot.State;
using Bot.Tests.Staff;
using StackExchange.Redis;

namespace Bot.Tests.Cluster;

/// <summary>
/// A single-node deployment upgraded from the layout before hash tags: its data is put back under
/// the old names, both services start again, and everything is where it was: the scorecard, the
/// forms, an enrolled person, a survey half answered, a form still in the outbox.
/// </summary>
[Collection(RedisTests.Name)]
public sealed partial class KeyMigrationTests(RedisServer redis)
{
    [Fact]
    public async Task OldLayout_IsMovedToHashTaggedNames_AtStart_AndNothingIsLost()
    {
        var corePrefix = $"tc:{Guid.NewGuid():N}:";
        var botPrefix = $"tb:{Guid.NewGuid():N}:";
        string scorecardBefore;
        Conversation staff, halfway;
        var pendingEntry = """{"responseId":"from-the-old-outbox","form":"citizen","communeId":"cam-binh","year":2026,"answers":["tot","tot","tot","tot","tot"],"submittedAt":"2026-11-25T03:00:00+00:00","channel":"directline","enqueuedAt":"2026-11-25T03:00:00+00:00"}""";
        await using (var core = new CoreApp(redis, keyPrefix: corePrefix))
        {
            await core.SeedAsync();
            await using var bot = new BotApp(redis, core, botPrefix);
            await Surveys.CompleteCitizenAsync(bot.Conversation(), "cam-vu");
            await Surveys.EventuallyAsync(async () => await core.ResponsesAsync("cam-vu") == 1, "the form in the core");
            scorecardBefore = await core.Api().GetStringAsync("/api/v1/communes/cam-vu/years/2026/scorecard");
            staff = await StaffPeople.EnrolledAsync(bot, StaffRole.Staff, "cam-vu");
            halfway = bot.Conversation();
            await halfway.StartSurveyAsync("citizen", "tu-minh");
            await halfway.SayAsync("đồng ý");
        }

        using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var db = connection.GetDatabase();
        var moved = await BackToTheOldLayoutAsync(connection, corePrefix, botPrefix);
        Assert.True(moved > 10, $"Only {moved} keys were put back under old names.");
        await db.ListLeftPushAsync(botPrefix + "outbox", pendingEntry);

        await using (var core = new CoreApp(redis, keyPrefix: corePrefix))
        {
            await using var bot = new BotApp(redis, core, botPrefix);
            _ = bot.Services;

            Assert.Equal(scorecardBefore, await core.Api().GetStringAsync("/api/v1/communes/cam-vu/years/2026/scorecard"));
            var forms = await core.Api().GetFromJsonAsync<JsonElement>("/api/v1/communes/cam-vu/years/2026/survey-forms");
            Assert.Equal(1, forms.GetArrayLength());
            await Surveys.EventuallyAsync(async () => await core.ResponsesAsync("cam-binh") == 1, "the old outbox's form in the core");

            var sameStaff = new Conversation(bot.CreateClient(), "webchat", staff.Id) { UserId = staff.UserId };
            var again = await sameStaff.SayAsync("đăng ký " + await StaffPeople.CodeAsync(bot, StaffRole.Staff, "cam-vu"));
            Assert.Contains("Kênh này đã đăng ký", again.Single().Text, StringComparison.Ordinal);

            var sameCitizen = new Conversation(bot.CreateClient(), "directline", halfway.Id) { UserId = halfway.UserId };
            var next = await sameCitizen.SayAsync("1");
            Assert.Contains("2/5", Conversation.Texts(next), StringComparison.Ordinal);
        }
        Assert.Empty(await OldNamesAsync(connection, corePrefix, botPrefix));
    }

    /// <summary>Renames today's keys to the names the services used before hash tags; returns how many.</summary>
    private static async Task<int> BackToTheOldLayoutAsync(ConnectionMultiplexer connection, string corePrefix, string botPrefix)
    {
        var db = connection.GetDatabase();
        var server = connection.GetServers()[0];
        var moved = 0;
        foreach (var key in server.Keys(pattern: corePrefix + "*").Select(k => (string)k!).ToList())
        {
            var name = key[corePrefix.Length..];
            var old = name switch
            {
                "{units}" => "units",
                "{units}:communes" => "communes",
                _ when CommuneYearKey().Match(name) is { Success: true } m => m.Groups["rest"].Value.StartsWith("response:", StringComparison.Ordinal)
                    ? m.Groups["rest"].Value
                    : $"{m.Groups["kind"].Value}:{m.Groups["cy"].Value}{m.Groups["more"].Value}",
                _ => null,
            };
            if (old is not null && old != "key-layout")
            {
                await db.KeyRenameAsync(key, corePrefix + old);
                moved++;
            }
        }
        await db.KeyDeleteAsync(new core::ScoringCore.Storage.RedisKeys(corePrefix).KeyLayout);
        foreach (var key in server.Keys(pattern: botPrefix + "*").Select(k => (string)k!).ToList())
        {
            var name = key[botPrefix.Length..];
            var old = OldBotName(name);
            if (old is null)
            {
                continue;
            }
            if (old.StartsWith("outbox", StringComparison.Ordinal))
            {
                while (!(await db.ListRightPopLeftPushAsync(key, botPrefix + old)).IsNull)
                {
                }
            }
            else
            {
                await db.KeyRenameAsync(key, botPrefix + old);
            }
            moved++;
        }
        await db.KeyDeleteAsync(new BotKeys(botPrefix).KeyLayout);
        return moved;
    }

    private static string? OldBotName(string name) => name switch
    {
        _ when name.StartsWith("conv:{", StringComparison.Ordinal) => "conv:" + name[(name.IndexOf('}', StringComparison.Ordinal) + 2)..],
        _ when name.StartsWith("enrol:{staff}:", StringComparison.Ordinal) => "enrol:" + name["enrol:{staff}:".Length..],
        "zalo:{inbox}:pending" => "zalo:pending",
        _ when OutboxKey().Match(name) is { Success: true } m => "outbox" + m.Groups["list"].Value,
        _ => null,
    };

    /// <summary>Keys still under a name of the old layout that the migration moves (seen markers and archived forms stay until they expire).</summary>
    private static async Task<List<string>> OldNamesAsync(ConnectionMultiplexer connection, string corePrefix, string botPrefix)
    {
        var server = connection.GetServers()[0];
        var left = new List<string>();
        await foreach (var key in server.KeysAsync(pattern: corePrefix + "*"))
        {
            if (OldCoreName().IsMatch(((string)key!)[corePrefix.Length..]))
            {
                left.Add(key!);
            }
        }
        await foreach (var key in server.KeysAsync(pattern: botPrefix + "*"))
        {
            if (OldBotNamePattern().IsMatch(((string)key!)[botPrefix.Length..]))
            {
                left.Add(key!);
            }
        }
        return left;
    }

    [GeneratedRegex(@"^(units$|communes$|response:|(agg|self|appraisal|forms|ref|device|addr|round|history):)")]
    private static partial Regex OldCoreName();

    [GeneratedRegex(@"^(conv:[^{]|outbox($|:inflight$|:dead$)|enrol:(people$|person:|identity:|refs:)|zalo:pending$)")]
    private static partial Regex OldBotNamePattern();

    [GeneratedRegex(@"^\{(?<cy>[a-z0-9._-]+:[0-9]{4})\}:(?<rest>(?<kind>[a-z]+)(?<more>:.*)?)$")]
    private static partial Regex CommuneYearKey();

    [GeneratedRegex(@"^outbox:\{o[0-9]+\}(?<list>:inflight|:dead)?$")]
    private static partial Regex OutboxKey();
}
