using System.Diagnostics;
using Bot.State;
using Xunit.Abstractions;

namespace Bot.Tests.Cluster;

/// <summary>
/// The store failing under a load of whole citizen surveys: a Redis Cluster primary killed
/// (SIGKILL) and replaced by its replica, and a single node killed and restarted from its AOF.
/// Every survey the bot confirmed must reach the scoring core exactly once. The figures are
/// written to the test output (README, "Failover").
/// </summary>
public sealed class FailoverTests(ITestOutputHelper output)
{
    private const int SurveysUnderLoad = 30;
    private const int Concurrency = 10;

    [Fact]
    public async Task ClusterPrimaryKilledUnderLoad_EveryConfirmedSurveyReachesTheCoreOnce()
    {
        using var cluster = new RedisCluster(nodeTimeoutMs: 1000);
        var redis = RedisServer.At(cluster.ConnectionString);
        await using var core = new CoreApp(redis);
        core.Settings["Redis:ReplicaAcks"] = "1";
        await core.SeedAsync();
        await using var bot = new BotApp(redis, core);
        bot.Settings["Redis:ReplicaAcks"] = "1";
        // A "done" the killed primary never replicated leaves its entry in flight; the sweep returns it.
        bot.Settings["Bot:OutboxStaleAfter"] = "00:00:02";
        var load = new SurveyLoad(bot, core, SurveysUnderLoad, Concurrency);

        // The primary that holds the most of these conversations is the one to lose.
        var slots = load.Citizens.Select(c => HashSlots.Of(new BotKeys("").Conversation(new ConversationKey("directline", c.ConversationId)))).ToList();
        var victim = slots.GroupBy(cluster.PrimaryOf).OrderByDescending(g => g.Count()).First();
        var victimSlot = victim.First();
        var failover = TimeSpan.Zero;
        int promoted = -1;

        await load.RunAsync(breakAfterTurns: SurveysUnderLoad * 11 / 4, async () =>
        {
            var clock = Stopwatch.StartNew();
            cluster.Kill(victim.Key);
            await Task.Run(() => RedisCluster.WaitUntil(() => (promoted = cluster.PrimaryOf(victimSlot)) is > 0 && promoted != victim.Key, TimeSpan.FromSeconds(30), "a replica to be promoted"));
            failover = clock.Elapsed;
            // As an operator would: the dead node comes back, and rejoins as its old replica's replica.
            cluster.Restart(victim.Key);
        });
        var inCore = await load.FormsInCoreAfterDrainAsync();

        var retries = load.Citizens.Sum(c => c.Retries);
        output.WriteLine($"Failover: primary :{victim.Key} killed (holding {victim.Count()} of {SurveysUnderLoad} conversations), replica :{promoted} promoted after {failover.TotalSeconds:F1} s");
        output.WriteLine($"Turns {load.Turns} ({load.TurnsWhenRecovered} by the promotion), retried {retries}, surveys {SurveysUnderLoad}, thanked {load.Citizens.Count(c => c.Thanks == 1)}, thanks lost to a retry {load.Citizens.Count(c => c.ThanksLostToRetry)}, questions asked twice {load.Citizens.Sum(c => c.QuestionsRepeated)}");
        output.WriteLine($"Forms in the core {inCore}: lost {Math.Max(0, SurveysUnderLoad - inCore)}, doubled {Math.Max(0, inCore - SurveysUnderLoad)}");
        Assert.NotEqual(victim.Key, promoted);
        Assert.All(load.Citizens, c => Assert.True(c.Thanks <= 1, $"Conversation {c.ConversationId} was thanked {c.Thanks} times."));
        Assert.All(load.Citizens, c => Assert.True(c.Thanks == 1 || c.ThanksLostToRetry, $"Conversation {c.ConversationId} ended without its survey given."));
        Assert.Equal(SurveysUnderLoad, inCore);
    }

    [Fact]
    public async Task SingleNodeKilledAndRestartedFromItsAof_EveryConfirmedSurveyReachesTheCoreOnce()
    {
        using var node = new AofRedisNode();
        var redis = RedisServer.At(node.ConnectionString);
        await using var core = new CoreApp(redis);
        await core.SeedAsync();
        await using var bot = new BotApp(redis, core);
        // A "done" sent as the node dies never reaches it, leaving its entry in flight; the sweep returns it, as in
        // the cluster's failover above (left at its 2 minutes, the drain below timed out in a CI run).
        bot.Settings["Bot:OutboxStaleAfter"] = "00:00:02";
        var load = new SurveyLoad(bot, core, SurveysUnderLoad, Concurrency);
        var downtime = TimeSpan.Zero;

        await load.RunAsync(breakAfterTurns: SurveysUnderLoad * 11 / 3, async () =>
        {
            var clock = Stopwatch.StartNew();
            node.Kill();
            await Task.Delay(2000);
            node.Start();
            downtime = clock.Elapsed;
        });
        var inCore = await load.FormsInCoreAfterDrainAsync();

        output.WriteLine($"AOF restart: down {downtime.TotalSeconds:F1} s; turns {load.Turns} ({load.TurnsWhenRecovered} by the restart), retried {load.Citizens.Sum(c => c.Retries)}, thanked {load.Citizens.Count(c => c.Thanks == 1)}, thanks lost to a retry {load.Citizens.Count(c => c.ThanksLostToRetry)}, questions asked twice {load.Citizens.Sum(c => c.QuestionsRepeated)}");
        output.WriteLine($"Forms in the core {inCore}: lost {Math.Max(0, SurveysUnderLoad - inCore)}, doubled {Math.Max(0, inCore - SurveysUnderLoad)}");
        Assert.All(load.Citizens, c => Assert.True(c.Thanks <= 1, $"Conversation {c.ConversationId} was thanked {c.Thanks} times."));
        Assert.All(load.Citizens, c => Assert.True(c.Thanks == 1 || c.ThanksLostToRetry, $"Conversation {c.ConversationId} ended without its survey given."));
        Assert.Equal(SurveysUnderLoad, inCore);
    }
}
